package ru.mos.localisation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.process.ProcessVariables;
import ru.mos.localisation.decision.DecisionVariables;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.Sector;

/** An official registers a request gathered at a fair through Tasklist's start form. */
@ApplicationTest
class StartFormTests {

  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestRegistry registry;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void startFormRegistersTheRequestInTheSameRegistryAsTheApi() {
    identityService.setAuthentication("investment.officer", List.of("investment-department"));

    ProcessInstance instance = formService.submitStartForm(definitionId(), fairRequest("FAIR-2025-0101", "CN"));
    identityService.clearAuthentication();

    LocalisationRequest request = registry.get(instance.getBusinessKey());
    assertThat(request.externalReference()).isEqualTo("FAIR-2025-0101");
    assertThat(request.investorName()).isEqualTo("Shenzhen Lift Co.");
    assertThat(request.sector()).isEqualTo(Sector.ELEVATORS);
    assertThat(request.requiredAreaHa()).isEqualByComparingTo("2.5");
    assertThat(request.hazardClass()).isEqualTo(5);
    assertThat(request.documents())
        .containsExactly(DocumentType.BUSINESS_PLAN, DocumentType.FINANCIAL_STATEMENTS, DocumentType.CORPORATE_DOCUMENTS);
    assertThat(request.submittedBy()).isEqualTo("investment.officer");
    // the payload lives in the registry; the process keeps what it reads
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).doesNotContainKeys("externalReference", "investorRegistrationNumber", "investorContactEmail", "documents");
    assertThat(variables).containsEntry(DecisionVariables.SECTOR, "ELEVATORS").containsEntry(DecisionVariables.HAZARD_CLASS, 5);
  }

  @Test
  void aRequestRegisteredForAnInvestorsPortalAccountIsTheInvestors() {
    identityService.setAuthentication("investment.officer", List.of("investment-department"));
    Map<String, Object> variables = fairRequest("FAIR-2025-0104", "CN");
    variables.put(StartFormFields.INVESTOR_ACCOUNT, " investor2 ");

    ProcessInstance instance = formService.submitStartForm(definitionId(), variables);
    identityService.clearAuthentication();

    // the investor follows it on the portal (their list, their documents), as if they had filed it
    LocalisationRequest request = registry.get(instance.getBusinessKey());
    assertThat(request.submittedBy()).isEqualTo("investor2");
    assertThat(registry.numbersSubmittedBy("investor2")).contains(request.number());
    assertThat(registry.numbersSubmittedBy("investment.officer")).doesNotContain(request.number());
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(StartFormFields.INVESTOR_ACCOUNT);
  }

  @Test
  void anAccountThatIsNoInvestorsIsRefusedInRussianAndNothingIsStored() {
    identityService.setAuthentication("investment.officer", List.of("investment-department"));
    long before = runtimeService.createProcessInstanceQuery().count();
    for (String account : List.of("compliance.officer", "nobody.here")) {
      Map<String, Object> variables = fairRequest("FAIR-2025-0105", "CN");
      variables.put(StartFormFields.INVESTOR_ACCOUNT, account);

      assertThatThrownBy(() -> formService.submitStartForm(definitionId(), variables))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("Учётной записи инвестора «" + account + "» на портале нет: проверьте её или оставьте поле пустым.");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(registry.findByExternalReference("investment.officer", "FAIR-2025-0105")).isEmpty();
  }

  @Test
  void invalidStartFormIsRefusedAndNothingIsStored() {
    identityService.setAuthentication("investment.officer", List.of("investment-department"));
    long before = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), fairRequest("FAIR-2025-0102", "china")))
        .isInstanceOf(InvalidInputException.class)
        // in Russian for the official, by the form's label; the field's path stays for REST clients
        .hasMessage("Проверьте поля формы: «Страна».")
        .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo("investor.country"));

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void startFormWithAnInvisibleOrDirectionCharacterIsRefusedNamingTheFieldAndNothingIsStored() {
    identityService.setAuthentication("investment.officer", List.of("investment-department"));
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> variables = fairRequest("FAIR-2025-0103", "CN");
    variables.put("investorName", "\u202eShenzhen\u200b Lift Co.\u0000");

    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), variables))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Проверьте поля формы: «Наименование инвестора».")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).violations().get(0).toString()).startsWith("investor.name: must not contain U+202E"));

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(registry.findByExternalReference("investment.officer", "FAIR-2025-0103")).isEmpty();
  }

  private String definitionId() {
    return repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessVariables.PROCESS_KEY).latestVersion().singleResult().getId();
  }

  /** What Tasklist submits for the start form: flat variables, numbers as typed, a Json checklist. */
  private static Map<String, Object> fairRequest(String reference, String country) {
    return Variables.createVariables()
        .putValue("externalReference", reference)
        .putValue("investorName", "Shenzhen Lift Co.")
        .putValue("investorCountry", country)
        .putValue("investorRegistrationNumber", "91440300LIFT01")
        .putValue("investorContactEmail", "lift@example.cn")
        .putValue("sector", "ELEVATORS")
        .putValue("projectTitle", "Elevator plant")
        .putValue("investmentRub", 400_000_000L)
        .putValue("plannedJobs", 80)
        .putValue("exportSharePercent", 10)
        .putValue("requiredAreaHa", 2.5)
        .putValue("requiredPowerMw", 3)
        .putValue("hazardClass", "5")
        .putValue("documents", SpinValues.jsonValue("[\"BUSINESS_PLAN\",\"FINANCIAL_STATEMENTS\",\"CORPORATE_DOCUMENTS\"]").create())
        .putValue("exportSupportRequested", true)
        .putValue("personnelExchangeRequested", false);
  }
}
