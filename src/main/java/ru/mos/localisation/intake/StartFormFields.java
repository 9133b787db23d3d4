package ru.mos.localisation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * The fields of Tasklist's start form ({@code bpmn/forms/start-request.form}), with which an
 * official registers a request gathered at a fair. The form submits them as flat process
 * variables; this turns them into the same JSON document the investor API receives.
 */
@Component
public class StartFormFields {

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
          "personnelExchangeRequested");

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
    ObjectNode request = objectMapper.createObjectNode();
    request.set("externalReference", value(variables, "externalReference"));
    ObjectNode investor = request.putObject("investor");
    investor.set("name", value(variables, "investorName"));
    investor.set("country", value(variables, "investorCountry"));
    investor.set("registrationNumber", value(variables, "investorRegistrationNumber"));
    investor.set("contactEmail", value(variables, "investorContactEmail"));
    ObjectNode project = request.putObject("project");
    project.set("sector", value(variables, "sector"));
    project.set("title", value(variables, "projectTitle"));
    project.set("description", value(variables, "projectDescription"));
    project.set("investmentRub", value(variables, "investmentRub"));
    project.set("plannedJobs", value(variables, "plannedJobs"));
    project.set("exportSharePercent", value(variables, "exportSharePercent"));
    project.set("requiredAreaHa", value(variables, "requiredAreaHa"));
    project.set("requiredPowerMw", value(variables, "requiredPowerMw"));
    project.set("hazardClass", value(variables, "hazardClass"));
    request.set("documents", documents(variables.get("documents")));
    request.set("exportSupportRequested", value(variables, "exportSupportRequested"));
    request.set("personnelExchangeRequested", value(variables, "personnelExchangeRequested"));
    return request.toString();
  }

  private JsonNode value(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value instanceof String text && text.isBlank()) {
      return objectMapper.nullNode();
    }
    return objectMapper.valueToTree(value);
  }

  /** A checklist submits a Json array; a client of the REST API may send a list or "A,B". */
  private JsonNode documents(Object value) {
    if (value instanceof SpinJsonNode json) {
      try {
        return objectMapper.readTree(json.toString());
      } catch (JsonProcessingException e) {
        throw InvalidInputException.of("documents", "is not well-formed JSON");
      }
    }
    ArrayNode documents = objectMapper.createArrayNode();
    if (value instanceof Collection<?> list) {
      list.forEach(element -> documents.add(String.valueOf(element)));
    } else if (value instanceof String text) {
      for (String name : text.split(",")) {
        if (!name.isBlank()) {
          documents.add(name.strip());
        }
      }
    }
    return documents;
  }
}
