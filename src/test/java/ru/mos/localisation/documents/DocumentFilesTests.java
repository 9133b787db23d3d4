package ru.mos.localisation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.documents.DocumentSamples.SAMPLES;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.Multipart;
import ru.mos.localisation.Multipart.Part;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;

/**
 * Documents as files over the investor API on the default database (H2), with the missing-documents
 * loop of the real process: filed with the request, supplied while an official re-checks the list
 * or while the request waits, refused with nothing stored.
 */
@ApplicationTest
class DocumentFilesTests {

  private static final String REQUESTS = "/api/v1/localisation-requests";

  @Autowired TaskService taskService;
  @Autowired RequestRegistry registry;
  @Autowired JdbcTemplate jdbc;

  private final HttpTestClient investor;
  private final HttpTestClient investor2;

  DocumentFilesTests(@LocalServerPort int port) {
    HttpTestClient http = HttpTestClient.onPort(port);
    this.investor = http.as("investor", "demo");
    this.investor2 = http.as("investor2", "demo");
  }

  @Test
  void aRequestFiledWithItsFilesSkipsTheDocumentsStageAndGivesThemBackByteForByte() throws IOException {
    // given the investor's request with all four files of a recycling plant
    Reply filed = file("H2-DOCS-001", SAMPLES);

    // then it is registered with them: nothing is missing, nothing to supply
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("number").asText();
    assertThat(filed.json().path("missingDocuments").isEmpty()).isTrue();
    assertThat(filed.json().path("links").has("documents")).isFalse();
    assertThat(registry.get(number).stage()).isNotEqualTo(RequestStage.DOCUMENTS);

    // and the list shows each file with its content type (by content) and digest
    Reply list = investor.get(REQUESTS + "/" + number + "/documents");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode documents = list.json().path("documents");
    assertThat(documents).hasSize(4);
    for (JsonNode document : documents) {
      Path sample = Path.of("samples", SAMPLES.get(document.path("type").asText()));
      assertThat(document.path("fileName").asText()).isEqualTo(sample.getFileName().toString());
      assertThat(document.path("sizeBytes").asLong()).isEqualTo(Files.size(sample));
      assertThat(document.path("sha256").asText()).isEqualTo(Multipart.sha256(sample));
      assertThat(document.path("uploadedAt").asText()).isNotBlank();

      // and each downloads byte for byte, as an attachment of its content type
      Reply download = investor.get(REQUESTS + "/" + number + "/documents/" + document.path("id").asText());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.bytes()).isEqualTo(Files.readAllBytes(sample));
      assertThat(download.contentType()).isEqualTo(document.path("contentType").asText());
      assertThat(download.header("Content-Disposition").orElseThrow())
          .startsWith("attachment;")
          .contains(sample.getFileName().toString());
    }
    assertThat(texts(documents, "contentType"))
        .containsExactlyInAnyOrder(
            DocumentFormats.PDF, DocumentFormats.PDF, DocumentFormats.DOCX, DocumentFormats.XLSX);
  }

  @Test
  void aFileSentWhileAnOfficialRechecksTheListIsKeptAndTheRequestMovesOn() {
    // given a request filed without its environmental impact summary, which an official re-checks
    String number = fileWithoutSummary("H2-DOCS-002");
    assertThat(registry.get(number).stage()).isEqualTo(RequestStage.DOCUMENTS);
    Task confirmation = task(number, "Task_ConfirmMissingDocuments");

    // when the investor sends the summary meanwhile, it is stored (no 409: nothing waits for it yet)
    Reply supplied = supplySummary(number);
    assertThat(supplied.statusCode()).as(supplied.body()).isEqualTo(201);
    assertThat(registry.get(number).missingDocuments()).isEmpty();

    // and the official confirms the list they saw
    taskService.complete(confirmation.getId(), Map.of(MISSING_DOCUMENTS_CONFIRMED, true));

    // then nothing is asked of the investor, and the request moves on with all four documents
    LocalisationRequest request = registry.get(number);
    assertThat(request.stage()).isNotEqualTo(RequestStage.DOCUMENTS);
    assertThat(request.documents()).hasSize(4);
    assertThat(notifications(number)).doesNotContain("DOCUMENTS_MISSING");
  }

  @Test
  void aFileArrivingAsTheOfficialConfirmsTheListIsNeverLost() throws Exception {
    // ten requests without their summary; for each, the summary arrives at the moment the official
    // confirms the list of missing documents (the two take turns on the request's row)
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 10; i++) {
        String number = fileWithoutSummary("H2-DOCS-RACE-" + i);
        String confirmation = task(number, "Task_ConfirmMissingDocuments").getId();
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Reply> upload = pool.submit(() -> {
          together.await();
          return supplySummary(number);
        });
        Future<?> confirm = pool.submit(() -> {
          together.await();
          completeAsTasklistWould(confirmation);
          return null;
        });
        assertThat(upload.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        confirm.get(30, TimeUnit.SECONDS);

        // then the request never waits for a file it holds: it has moved on with all four
        LocalisationRequest request = registry.get(number);
        assertThat(request.stage()).as("stage of %s", number).isNotEqualTo(RequestStage.DOCUMENTS);
        assertThat(request.documents()).hasSize(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Completes the task; a completion that met a concurrent write is repeated, as the official would. */
  private void completeAsTasklistWould(String taskId) {
    try {
      taskService.complete(taskId, Map.of(MISSING_DOCUMENTS_CONFIRMED, true));
    } catch (OptimisticLockingException e) {
      taskService.complete(taskId, Map.of(MISSING_DOCUMENTS_CONFIRMED, true));
    }
  }

  @Test
  void aFileLargerThanAJsonBodySuppliedToAWaitingRequestMovesItOn(@TempDir Path directory) throws IOException {
    // given a request that waits for its summary
    String number = fileWithoutSummary("H2-DOCS-003");
    taskService.complete(task(number, "Task_ConfirmMissingDocuments").getId(), Map.of(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(notifications(number)).contains("DOCUMENTS_MISSING");

    // when the investor sends a 300 KiB summary (far over the 64 KiB of a JSON body)
    Path summary = Multipart.pdf(directory.resolve("summary.pdf"), 300 * 1024);
    Reply supplied =
        Multipart.post(investor, REQUESTS + "/" + number + "/documents", List.of(Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", summary)));

    // then it is stored and the request moves on
    assertThat(supplied.statusCode()).as(supplied.body()).isEqualTo(201);
    assertThat(supplied.json().path("documents").get(0).path("sha256").asText()).isEqualTo(Multipart.sha256(summary));
    assertThat(registry.get(number).stage()).isNotEqualTo(RequestStage.DOCUMENTS);
  }

  @Test
  void refusedCallsStoreNothing(@TempDir Path directory) throws IOException {
    String number = fileWithoutSummary("H2-DOCS-004");
    long stored = storedFiles();
    Path executable = Files.write(directory.resolve("summary.pdf"), new byte[] {'M', 'Z', 0, 0, 3, 0, 0, 0});
    Path html = Files.writeString(directory.resolve("summary.pdf.html"), "<html><body>hi</body></html>");
    Path empty = Files.write(directory.resolve("empty.pdf"), new byte[0]);
    Path pdf = Path.of("samples", "environmental-impact-summary.pdf");
    String documents = REQUESTS + "/" + number + "/documents";

    // an executable or HTML next to a good file: 415, and the good file is not kept either
    assertRefused(Multipart.post(investor, documents, List.of(Part.file("LICENCES", pdf), Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", executable))), 415);
    assertRefused(Multipart.post(investor, documents, List.of(Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", html))), 415);
    // an empty file, an unknown type: 400
    assertRefused(Multipart.post(investor, documents, List.of(Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", empty))), 400);
    assertRefused(Multipart.post(investor, documents, List.of(Part.file("PASSPORT", pdf))), 400);
    // another investor's request: 404
    assertRefused(Multipart.post(investor2, documents, List.of(Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", pdf))), 404);
    assertThat(investor2.get(documents).statusCode()).isEqualTo(404);
    // a multipart intake with an executable: 415, and no request is registered
    long requests = jdbc.queryForObject("SELECT COUNT(*) FROM localisation_request", Long.class);
    assertRefused(
        Multipart.post(investor, REQUESTS, List.of(Part.json("request", TestRequests.recyclingPlantJson("H2-DOCS-005")), Part.file("BUSINESS_PLAN", executable))),
        415);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM localisation_request", Long.class)).isEqualTo(requests);

    assertThat(storedFiles()).isEqualTo(stored);
    assertThat(registry.get(number).missingDocuments()).isNotEmpty();
  }

  @Test
  void tooManyOrTooLargeFilesAreRefusedWith413AndStoreNothing(@TempDir Path directory) throws IOException {
    String number = fileWithoutSummary("H2-DOCS-006");
    long stored = storedFiles();
    String documents = REQUESTS + "/" + number + "/documents";
    Path pdf = Path.of("samples", "environmental-impact-summary.pdf");

    // 52 files: more parts than the container reads (51: 50 files and a request part)
    List<Part> many = new ArrayList<>();
    for (int i = 0; i < 52; i++) {
      many.add(Part.file("LICENCES", pdf));
    }
    assertRefused(Multipart.post(investor, documents, many), 413);
    // one byte over 20 MiB
    Path large = Multipart.pdf(directory.resolve("large.pdf"), DocumentUploads.MAX_FILE_BYTES + 1);
    assertRefused(Multipart.post(investor, documents, List.of(Part.file("ENVIRONMENTAL_IMPACT_SUMMARY", large))), 413);
    // (a call over 100 MiB is refused by Tomcat from its Content-Length before it is read, and the
    // connection closed with the rest unread: a client still sending sees a reset, not the 413;
    // DocumentUploadsTests checks the rule, nginx answers such a call with 413 in front)

    // a multipart body to a path that takes no files stays within the 64 KiB of a JSON body
    Path hundredKiB = Multipart.pdf(directory.resolve("hundred.pdf"), 100 * 1024);
    assertRefused(Multipart.post(investor, REQUESTS + "/" + number + "/withdrawal", List.of(Part.file("LICENCES", hundredKiB))), 413);

    assertThat(storedFiles()).isEqualTo(stored);
  }

  private void assertRefused(Reply answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
  }

  private Reply file(String reference, Map<String, String> samples) {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.json("request", TestRequests.recyclingPlantJson(reference)));
    samples.forEach((type, sample) -> parts.add(Part.sample(type, sample)));
    return Multipart.post(investor, REQUESTS, parts);
  }

  private String fileWithoutSummary(String reference) {
    Map<String, String> samples = new java.util.LinkedHashMap<>(SAMPLES);
    samples.remove("ENVIRONMENTAL_IMPACT_SUMMARY");
    Reply filed = file(reference, samples);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return filed.json().path("number").asText();
  }

  private Reply supplySummary(String number) {
    return Multipart.post(investor, REQUESTS + "/" + number + "/documents",
        List.of(Part.sample("ENVIRONMENTAL_IMPACT_SUMMARY", "environmental-impact-summary.pdf")));
  }

  private Task task(String number, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private List<String> notifications(String number) {
    return jdbc.queryForList("SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id", String.class, number);
  }

  private long storedFiles() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM request_document", Long.class);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.path(field).asText()));
    return texts;
  }
}
