package ru.mos.localisation.intake;

import static ru.mos.localisation.decision.DecisionVariables.EXPORT_SHARE_PERCENT;
import static ru.mos.localisation.intake.IntakeVariables.AT_REGISTRATION;
import static ru.mos.localisation.decision.DecisionVariables.EXPORT_SUPPORT_REQUESTED;
import static ru.mos.localisation.decision.DecisionVariables.HAZARD_CLASS;
import static ru.mos.localisation.intake.IntakeVariables.INITIATOR;
import static ru.mos.localisation.intake.IntakeVariables.INVESTOR_COUNTRY;
import static ru.mos.localisation.intake.IntakeVariables.PROJECT_TITLE;
import static ru.mos.localisation.intake.IntakeVariables.REQUIRED_AREA_HA;
import static ru.mos.localisation.intake.IntakeVariables.REQUIRED_POWER_MW;
import static ru.mos.localisation.decision.DecisionVariables.INVESTMENT_RUB;
import static ru.mos.localisation.decision.DecisionVariables.PERSONNEL_EXCHANGE_REQUESTED;
import static ru.mos.localisation.decision.DecisionVariables.PLANNED_JOBS;
import static ru.mos.localisation.decision.DecisionVariables.SECTOR;
import static ru.mos.localisation.process.ProcessVariables.INVESTOR_NAME;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;
import static ru.mos.localisation.process.ProcessVariables.REQUEST_NUMBER;
import static ru.mos.localisation.intake.IntakeVariables.SUBMITTED_BY;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.ConflictException;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.request.LocalisationRequest;

/**
 * «Зарегистрировать заявку»: validates the start payload, stores the request in the registry and
 * makes its registry number the business key. From here on the process carries references only.
 */
@Component("registerRequest")
public class RegisterRequestDelegate implements JavaDelegate {

  private final RequestPayloadReader payloadReader;
  private final StartFormFields startForm;
  private final RegistrationService registration;
  private final InvestorAccounts investorAccounts;

  public RegisterRequestDelegate(
      RequestPayloadReader payloadReader,
      StartFormFields startForm,
      RegistrationService registration,
      InvestorAccounts investorAccounts) {
    this.payloadReader = payloadReader;
    this.startForm = startForm;
    this.registration = registration;
    this.investorAccounts = investorAccounts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object payload = requestPayload(execution);
    boolean fromStartForm = payload == null && startForm.submittedIn(execution.getVariables());
    NewLocalisationRequest request;
    try {
      request = payloadReader.read(fromStartForm ? startForm.toRequestJson(execution.getVariables()) : payload);
    } catch (InvalidInputException refused) {
      // the start form's official reads the refusal in Tasklist: in Russian, by the form's labels
      throw fromStartForm ? startForm.inRussian(refused) : refused;
    }
    // An engine user who started the process (engine REST, Tasklist) outranks a claimed submitter
    Object initiator = execution.getVariable(INITIATOR);
    Object submittedBy = initiator != null ? initiator : execution.getVariable(SUBMITTED_BY);
    // registered at a fair for an investor with a portal account: the request is theirs to follow
    Optional<String> investor =
        fromStartForm ? startForm.investorAccount(execution.getVariables()) : Optional.empty();
    if (investor.isPresent()) {
      submittedBy = investorAccounts.requireInvestor(investor.get());
    }

    LocalisationRequest registered;
    try {
      registered = registration.register(request, Objects.toString(submittedBy, null), execution.getProcessInstanceId());
    } catch (DuplicateRequestException duplicate) {
      if (!fromStartForm) {
        throw duplicate;
      }
      throw new ConflictException(
          "Заявка с внешним номером «%s» уже зарегистрирована: проверьте номер анкеты.".formatted(request.externalReference()));
    }

    execution.removeVariable(REQUEST);
    // the investor API's files are stored now, before the documents are checked
    if (execution.getVariableTyped(AT_REGISTRATION, false) instanceof ObjectValue hook
        && hook.isTransient()
        && hook.isDeserialized()
        && hook.getValue() instanceof AtRegistration atRegistration) {
      atRegistration.action().accept(registered.number());
    }
    execution.removeVariable(AT_REGISTRATION);
    if (fromStartForm) {
      // the registry holds the request now; keep only what the process reads (set below)
      execution.removeVariables(StartFormFields.NAMES);
    }
    execution.setProcessBusinessKey(registered.number());
    execution.setVariable(REQUEST_NUMBER, registered.number());
    execution.setVariable(INVESTOR_NAME, registered.investorName());
    execution.setVariable(INVESTOR_COUNTRY, registered.investorCountry());
    execution.setVariable(PROJECT_TITLE, registered.title());
    execution.setVariable(REQUIRED_AREA_HA, registered.requiredAreaHa().doubleValue());
    execution.setVariable(REQUIRED_POWER_MW, registered.requiredPowerMw().doubleValue());
    // what the priority decision and the support branch read
    execution.setVariable(SECTOR, registered.sector().name());
    execution.setVariable(INVESTMENT_RUB, registered.investmentRub());
    execution.setVariable(PLANNED_JOBS, registered.plannedJobs());
    execution.setVariable(EXPORT_SHARE_PERCENT, registered.exportSharePercent());
    execution.setVariable(HAZARD_CLASS, registered.hazardClass());
    execution.setVariable(EXPORT_SUPPORT_REQUESTED, registered.exportSupportRequested());
    execution.setVariable(PERSONNEL_EXCHANGE_REQUESTED, registered.personnelExchangeRequested());
  }

  /**
   * The {@code request} variable as given. A {@code Json} value from Camunda's REST API stays
   * serialized: the engine's own deserialization would turn malformed JSON into a 500, the
   * reader turns it into a 400. An {@code Object} value is the investor API's own record; from
   * anyone else it is refused unread, whatever Java type it names.
   */
  private static Object requestPayload(DelegateExecution execution) {
    TypedValue value = execution.getVariableTyped(REQUEST, false);
    if (value instanceof ObjectValue object) {
      if (object.isDeserialized() && object.getValue() instanceof NewLocalisationRequest request) {
        return request;
      }
      throw InvalidInputException.of(
          REQUEST, "must be a Json variable (or a String holding the JSON), not an Object variable");
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value == null ? null : value.getValue();
  }
}
