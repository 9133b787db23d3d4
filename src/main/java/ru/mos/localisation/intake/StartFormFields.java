package ru.mos.localisation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * The fields of Tasklist's start form ({@code bpmn/forms/start-request.form}), with which an
 * official registers a request gathered at a fair. The form submits them as flat process
 * variables; this maps them onto the same JSON document the investor API receives.
 */
@Component
public class StartFormFields {

  /**
   * The investor's portal account for whom an official registers the request (optional): the
   * request becomes theirs, to follow and to supply documents for, as if they had filed it.
   */
  public static final String INVESTOR_ACCOUNT = "investorAccount";

  /** Every variable the start form submits; registration removes them once the registry has them. */
  public static final List<String> NAMES =
      List.of(
          "externalReference",
          "investorName",
          "investorCountry",
          "investorRegistrationNumber",
          "investorContactEmail",
          "sector",
          "projectTitle",
          "projectDescription",
          "investmentRub",
          "plannedJobs",
          "exportSharePercent",
          "requiredAreaHa",
          "requiredPowerMw",
          "hazardClass",
          "documents",
          "exportSupportRequested",
          "personnelExchangeRequested",
          StartFormFields.INVESTOR_ACCOUNT);

  /** The form's labels by the request document's fields: a refusal names fields as the official reads them. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("externalReference", "Внешний номер"),
          Map.entry("investor", "Инвестор"),
          Map.entry("investor.name", "Наименование инвестора"),
          Map.entry("investor.country", "Страна"),
          Map.entry("investor.registrationNumber", "Регистрационный номер"),
          Map.entry("investor.contactEmail", "Электронная почта для связи"),
          Map.entry("project", "Проект"),
          Map.entry("project.sector", "Отрасль"),
          Map.entry("project.title", "Название проекта"),
          Map.entry("project.description", "Описание"),
          Map.entry("project.investmentRub", "Инвестиции, руб."),
          Map.entry("project.plannedJobs", "Рабочих мест"),
          Map.entry("project.exportSharePercent", "Доля экспорта, %"),
          Map.entry("project.requiredAreaHa", "Площадь, га"),
          Map.entry("project.requiredPowerMw", "Мощность, МВт"),
          Map.entry("project.hazardClass", "Класс опасности"),
          Map.entry("documents", "Представленные документы"),
          Map.entry("exportSupportRequested", "Запрошена экспортная поддержка"),
          Map.entry("personnelExchangeRequested", "Запрошен обмен персоналом"));

  private final ObjectMapper objectMapper;

  public StartFormFields(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** Whether the process was started from the start form. */
  public boolean submittedIn(Map<String, Object> variables) {
    return variables.containsKey("externalReference");
  }

  /** The request document as the investor API would receive it, to be read and validated as such. */
  public String toRequestJson(Map<String, Object> variables) {
    Map<String, Object> fields = new HashMap<>();
    for (String name : NAMES) {
      if (name.equals(INVESTOR_ACCOUNT)) {
        continue; // whose request it is, not part of the request document
      }
      Object value = variables.get(name);
      // an empty form field is a missing value, which validation names
      fields.put(name, value instanceof String text && text.isBlank() ? null : value);
    }
    fields.put("documents", documents(variables.get("documents")));
    try {
      return objectMapper.writeValueAsString(objectMapper.convertValue(fields, Submitted.class).asRequest());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The start form's fields cannot be written as JSON", e);
    }
  }

  /**
   * A refusal of the form's request document said to the official who filled it in: which fields
   * to check, by their labels, in Russian and without ids (the violations keep the fields' paths).
   */
  public InvalidInputException inRussian(InvalidInputException refused) {
    String fields =
        refused.violations().stream()
            .map(violation -> LABELS.getOrDefault(violation.field().replaceFirst("\\[\\d+\\]$", ""), "форма"))
            .distinct()
            .map(label -> "«" + label + "»")
            .collect(Collectors.joining(", "));
    return refused.toOfficial("Проверьте поля формы: " + fields + ".");
  }

  /** The investor's account the form names, if any. */
  public Optional<String> investorAccount(Map<String, Object> variables) {
    return variables.get(INVESTOR_ACCOUNT) instanceof String account && !account.isBlank()
        ? Optional.of(account.strip())
        : Optional.empty();
  }

  /** A checklist submits a Json array; a client of the REST API may send a list or "A,B". */
  private Object documents(Object value) {
    if (value instanceof SpinJsonNode json) {
      try {
        return objectMapper.readTree(json.toString());
      } catch (JsonProcessingException e) {
        throw InvalidInputException.of("documents", "is not well-formed JSON");
      }
    } else if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    } else if (value instanceof String text) {
      return Stream.of(text.split(",")).filter(name -> !name.isBlank()).map(String::strip).toList();
    }
    return List.of();
  }

  /**
   * The form's variables as submitted, flat and untyped: the values keep the types the form gave
   * them, so that reading the request document reports a wrong type as the investor API does.
   */
  record Submitted(
      JsonNode externalReference,
      JsonNode investorName,
      JsonNode investorCountry,
      JsonNode investorRegistrationNumber,
      JsonNode investorContactEmail,
      JsonNode sector,
      JsonNode projectTitle,
      JsonNode projectDescription,
      JsonNode investmentRub,
      JsonNode plannedJobs,
      JsonNode exportSharePercent,
      JsonNode requiredAreaHa,
      JsonNode requiredPowerMw,
      JsonNode hazardClass,
      JsonNode documents,
      JsonNode exportSupportRequested,
      JsonNode personnelExchangeRequested) {

    RequestDocument asRequest() {
      return new RequestDocument(
          externalReference,
          new RequestDocument.Investor(investorName, investorCountry, investorRegistrationNumber, investorContactEmail),
          new RequestDocument.Project(
              sector, projectTitle, projectDescription, investmentRub, plannedJobs, exportSharePercent,
              requiredAreaHa, requiredPowerMw, hazardClass),
          documents,
          exportSupportRequested,
          personnelExchangeRequested);
    }
  }

  /** The shape of the investor API's request body ({@link NewLocalisationRequest}), values untyped. */
  record RequestDocument(
      JsonNode externalReference,
      Investor investor,
      Project project,
      JsonNode documents,
      JsonNode exportSupportRequested,
      JsonNode personnelExchangeRequested) {

    record Investor(JsonNode name, JsonNode country, JsonNode registrationNumber, JsonNode contactEmail) {}

    record Project(
        JsonNode sector,
        JsonNode title,
        JsonNode description,
        JsonNode investmentRub,
        JsonNode plannedJobs,
        JsonNode exportSharePercent,
        JsonNode requiredAreaHa,
        JsonNode requiredPowerMw,
        JsonNode hazardClass) {}
  }
}
