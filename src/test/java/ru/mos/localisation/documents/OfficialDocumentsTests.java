package ru.mos.localisation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.mos.localisation.documents.DocumentSamples.SAMPLES;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.Multipart;
import ru.mos.localisation.Multipart.Part;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.WebappSession;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.TimelineEntry;

/**
 * Officials open a request's files from their task forms, in their Tasklist session: who may (a
 * table by role), what each opening leaves on the timeline, the list the forms show, and paper
 * originals received in the missing-documents task.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialDocumentsTests {

  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final Map<String, String> PASSWORDS =
      Map.of("admin", "admin", "investment.officer", "demo", "investment.head", "demo", "compliance.officer", "demo",
          "eco.reviewer", "demo", "mosprom.specialist", "demo", "site.officer", "demo");

  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RequestRegistry registry;

  private final HttpTestClient http;
  private final HttpTestClient investor;
  private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

  /** A request waiting at the department's missing-documents task, with its business plan. */
  private String number;
  private String businessPlanId;

  OfficialDocumentsTests(@LocalServerPort int port) {
    this.http = HttpTestClient.onPort(port);
    this.investor = http.as("investor", "demo");
  }

  @BeforeAll
  void fileARequestWithoutItsSummary() {
    number = fileWithoutSummary("OFFICIAL-DOCS-001");
    businessPlanId = documentId(number, "BUSINESS_PLAN");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "investment.officer, 200", // the department holds the request's open task
    "investment.head,    200", // the board reads every request
    "admin,              200", // administrators too
    "compliance.officer, 403",
    "eco.reviewer,       403",
    "mosprom.specialist, 403",
    "site.officer,       403"
  })
  void whoMayOpenAFile(String official, int status) throws IOException {
    Reply opened = session(official).client().get(link(number, businessPlanId));

    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(status);
    if (status == 200) {
      assertThat(opened.bytes()).isEqualTo(Files.readAllBytes(Path.of("samples", SAMPLES.get("BUSINESS_PLAN"))));
      assertThat(opened.header("Content-Disposition").orElseThrow()).startsWith("attachment;");
      assertThat(opened.contentType()).isEqualTo(DocumentFormats.PDF);
    } else {
      // in Russian, and nothing about the file
      assertThat(opened.json().path("message").asText()).startsWith("Документы заявки открывают");
      assertThat(opened.body()).doesNotContain(SAMPLES.get("BUSINESS_PLAN"));
    }
  }

  @Test
  void withoutATasklistSessionNobodyOpensAFile() {
    Reply anonymous = http.get(link(number, businessPlanId));
    Reply withBasicCredentials = http.as("investment.officer", "demo").get(link(number, businessPlanId));
    Reply investorsCredentials = investor.get(link(number, businessPlanId));

    for (Reply reply : List.of(anonymous, withBasicCredentials, investorsCredentials)) {
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(401);
      assertThat(reply.json().path("message").asText()).isEqualTo("Войдите в Tasklist или Cockpit");
    }
  }

  @Test
  void aFileOfAnotherRequestIsNotFoundUnderThisOne() {
    String other = fileWithoutSummary("OFFICIAL-DOCS-002");
    String othersPlan = documentId(other, "BUSINESS_PLAN");

    Reply crossed = session("investment.officer").client().get(link(number, othersPlan));
    Reply unknown = session("investment.officer").client().get(link(number, "00000000-0000-0000-0000-000000000000"));
    Reply malformed = session("investment.officer").client().get(link(number, "..%2F..%2Fetc"));

    assertThat(crossed.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(crossed.json().path("message").asText()).isEqualTo("Документ не найден");
    assertThat(malformed.statusCode()).isIn(400, 404);
  }

  @Test
  void eachOpeningIsOnTheCitysTimelineButNotOnTheInvestors() {
    String request = fileWithoutSummary("OFFICIAL-DOCS-003");
    String plan = documentId(request, "BUSINESS_PLAN");

    assertThat(session("investment.officer").client().get(link(request, plan)).statusCode()).isEqualTo(200);
    assertThat(session("investment.head").client().get(link(request, plan)).statusCode()).isEqualTo(200);
    assertThat(session("compliance.officer").client().get(link(request, plan)).statusCode()).isEqualTo(403);

    List<TimelineEntry> openings =
        registry.timeline(request).stream().filter(entry -> entry.type().equals("DOCUMENT_OPENED")).toList();
    assertThat(openings).extracting(TimelineEntry::actor).containsExactly("investment.officer", "investment.head");
    assertThat(openings).extracting(TimelineEntry::detail).containsOnly("BUSINESS_PLAN: " + SAMPLES.get("BUSINESS_PLAN"));

    JsonNode investorsTimeline = investor.get(REQUESTS + "/" + request).json().path("timeline");
    assertThat(investorsTimeline.toString()).doesNotContain("DOCUMENT_OPENED").doesNotContain("actor");
  }

  @Test
  void theFormsListIsTheRequestsFilesWithTheirLinksAndFollowsUploads() {
    String request = fileWithoutSummary("OFFICIAL-DOCS-004");
    Task confirmation = task(request, "Task_ConfirmMissingDocuments");

    String before = (String) taskService.getVariableLocal(confirmation.getId(), DocumentLinks.VARIABLE);
    assertThat(before)
        .contains("**Бизнес-план**: [business" )
        .contains("](" + link(request, documentId(request, "BUSINESS_PLAN")) + ")")
        .contains("Не представлены: Резюме оценки воздействия на окружающую среду.");

    // the investor sends the summary while the task is open: the form shows it from then on
    Reply supplied =
        Multipart.post(investor, REQUESTS + "/" + request + "/documents",
            List.of(Part.sample("ENVIRONMENTAL_IMPACT_SUMMARY", SAMPLES.get("ENVIRONMENTAL_IMPACT_SUMMARY"))));
    assertThat(supplied.statusCode()).as(supplied.body()).isEqualTo(201);

    String after = (String) taskService.getVariableLocal(confirmation.getId(), DocumentLinks.VARIABLE);
    assertThat(after)
        .contains("**Резюме оценки воздействия на окружающую среду**")
        .contains(link(request, documentId(request, "ENVIRONMENTAL_IMPACT_SUMMARY")))
        .doesNotContain("Не представлены");
  }

  @Test
  void aPaperOriginalCountsAsFiledAndShowsAsSuch() {
    String request = fileWithoutSummary("OFFICIAL-DOCS-005");
    Task confirmation = task(request, "Task_ConfirmMissingDocuments");

    // the official received the summary on paper and says so in the form, as Tasklist submits it
    WebappSession officer = session("investment.officer");
    Reply submitted =
        officer.client()
            .request("POST", "/camunda/api/engine/engine/default/task/" + confirmation.getId() + "/submit-form")
            .header("X-XSRF-TOKEN", officer.xsrfToken())
            .json(
                """
                {"variables": {
                  "missingDocumentsConfirmed": {"value": true, "type": "Boolean"},
                  "paperOriginals": {"value": "[\\"ENVIRONMENTAL_IMPACT_SUMMARY\\"]", "type": "Json"}}}
                """)
            .send();
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

    // then nothing is missing: the request moves on without asking the investor
    assertThat(registry.get(request).missingDocuments()).isEmpty();
    assertThat(registry.get(request).stage()).isNotEqualTo(RequestStage.DOCUMENTS);

    // the investor's list shows the original received on paper, the timeline who received it
    JsonNode documents = investor.get(REQUESTS + "/" + request + "/documents").json();
    assertThat(documents.path("paperOriginals").get(0).path("type").asText()).isEqualTo("ENVIRONMENTAL_IMPACT_SUMMARY");
    assertThat(documents.path("paperOriginals").get(0).path("receivedAt").asText()).isNotBlank();
    assertThat(registry.timeline(request))
        .filteredOn(entry -> entry.type().equals("PAPER_ORIGINAL_RECEIVED"))
        .extracting(TimelineEntry::detail, TimelineEntry::actor)
        .containsExactly(tuple("ENVIRONMENTAL_IMPACT_SUMMARY", "investment.officer"));

    // and, once screened, the assessment form lists it as a paper original
    var screening =
        managementService.createJobQuery().processInstanceId(registry.get(request).processInstanceId()).executable().singleResult();
    managementService.executeJob(screening.getId());
    Task assessment = task(request, "Task_AssessRequest");
    assertThat((String) taskService.getVariableLocal(assessment.getId(), DocumentLinks.VARIABLE))
        .contains("**Резюме оценки воздействия на окружающую среду**: бумажный оригинал получен")
        .contains("(investment\\.officer)");
  }

  private WebappSession session(String official) {
    return sessions.computeIfAbsent(official, user -> WebappSession.logIn(http, "default", user, PASSWORDS.get(user)));
  }

  private static String link(String number, String id) {
    return DocumentLinks.PATH.replace("{number}", number).replace("{id}", id);
  }

  private String fileWithoutSummary(String reference) {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.json("request", TestRequests.recyclingPlantJson(reference)));
    SAMPLES.forEach((type, sample) -> {
      if (!type.equals("ENVIRONMENTAL_IMPACT_SUMMARY")) {
        parts.add(Part.sample(type, sample));
      }
    });
    Reply filed = Multipart.post(investor, REQUESTS, parts);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return filed.json().path("number").asText();
  }

  private String documentId(String request, String type) {
    for (JsonNode document : investor.get(REQUESTS + "/" + request + "/documents").json().path("documents")) {
      if (document.path("type").asText().equals(type)) {
        return document.path("id").asText();
      }
    }
    throw new AssertionError("no " + type + " in " + request);
  }

  private Task task(String request, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(request).taskDefinitionKey(taskDefinitionKey).singleResult();
  }
}
