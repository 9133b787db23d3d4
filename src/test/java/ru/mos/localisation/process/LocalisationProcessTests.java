package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.mos.localisation.process.ProcessVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.process.ProcessVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.process.ProcessVariables.FINAL_COMMENT;
import static ru.mos.localisation.process.ProcessVariables.FINAL_DECISION;
import static ru.mos.localisation.process.ProcessVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.process.ProcessVariables.SCREENING_DECISION;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.documents.DocumentsService;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;

/**
 * One test per path through {@code localisation-request}, each told as the story of a request.
 * Requests enter through intake as the investor API sends them; the registry's status and stage
 * are checked against the process at every wait state.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(ProcessCoverageGate.class)
class LocalisationProcessTests {

  private static final String BLOCKED_INVESTOR = "Blocked Holdings Ltd";
  private static final List<DocumentType> WITHOUT_ENVIRONMENTAL_SUMMARY =
      List.of(DocumentType.BUSINESS_PLAN, DocumentType.FINANCIAL_STATEMENTS, DocumentType.CORPORATE_DOCUMENTS);

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired IntakeService intake;
  @Autowired DocumentsService documents;
  @Autowired RequestRegistry registry;
  @Autowired JdbcClient jdbc;

  private static int references;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetAssertions() {
    BpmnAwareTests.reset();
  }

  @Test
  void shouldApproveCompleteRequestAndIssueAgreement() {
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);

    execute(job());
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertThat(task()).hasCandidateGroup("investment-department");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);

    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED", ASSESSMENT_COMMENT, "Приоритетный проект"));
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    assertThat(task()).hasCandidateGroup("investment-board");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.FINAL_APPROVAL);

    complete(task(), withVariables(FINAL_DECISION, "APPROVE", FINAL_COMMENT, "Одобрено"));
    assertThat(pi).hasPassed("Task_ApproveRequest").isEnded().hasPassed("Event_RequestApproved");
    LocalisationRequest request = assertRegistry(pi, RequestStatus.APPROVED, RequestStage.DONE);
    assertThat(request.agreementNumber()).isEqualTo("AGR-" + pi.getBusinessKey().substring(4));
    assertThat(notifications(pi)).containsExactly("APPROVED");
  }

  @Test
  void shouldRejectWhenAssessmentRejects() {
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());

    complete(task(), withVariables(ASSESSMENT_DECISION, "REJECT", ASSESSMENT_COMMENT, "Нет обоснования"));

    assertThat(pi).hasPassed("Task_RejectRequest").isEnded().hasPassed("Event_RequestRejected");
    assertThat(pi).hasNotPassed("Task_DecideFinalApproval");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("REJECTED");
  }

  @Test
  void shouldRejectAtFinalApproval() {
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());
    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED"));

    complete(task(), withVariables(FINAL_DECISION, "REJECT", FINAL_COMMENT, "Отказ правления"));

    assertThat(pi).isEnded().hasPassed("Event_RequestRejected").hasNotPassed("Task_ApproveRequest");
    LocalisationRequest request = assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(request.agreementNumber()).isNull();
  }

  @Test
  void shouldWaitForMissingDocumentsThenContinueWhenSupplied() {
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), "Ge Pai New Energy Co.", WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    assertThat(task()).hasCandidateGroup("investment-department");
    LocalisationRequest waiting = assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS);
    assertThat(waiting.missingDocuments()).containsExactly(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);

    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(pi).isWaitingAt("Gateway_DocumentsOrDeadline");
    assertThat(notifications(pi)).containsExactly("DOCUMENTS_MISSING");

    documents.supply(pi.getBusinessKey(), List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY));

    assertThat(pi).hasPassed("Event_DocumentsSupplied").isWaitingAt("Task_ScreenInvestor");
    LocalisationRequest complete = assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);
    assertThat(complete.missingDocuments()).isEmpty();
    assertThat(complete.documents()).contains(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);
    execute(job());
    assertThat(pi).isWaitingAt("Task_AssessRequest");
  }

  @Test
  void shouldAskAgainWhenSuppliedDocumentsAreStillIncomplete() {
    ProcessInstance pi =
        startProcess(
            TestRequests.recyclingPlant(nextReference(), "Ge Pai New Energy Co.", List.of(DocumentType.BUSINESS_PLAN)));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));

    documents.supply(pi.getBusinessKey(), List.of(DocumentType.FINANCIAL_STATEMENTS));

    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    assertThat(registry.get(pi.getBusinessKey()).missingDocuments())
        .containsExactly(DocumentType.CORPORATE_DOCUMENTS, DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);
  }

  @Test
  void shouldCloseRequestWhenDocumentsAreNotSuppliedWithin30Days() {
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), "Ge Pai New Energy Co.", WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(pi).isWaitingAt("Gateway_DocumentsOrDeadline");
    Instant deadline = job().getDuedate().toInstant();
    assertThat(deadline).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

    execute(job());

    assertThat(pi).hasPassed("Event_DocumentsDeadlinePassed", "Task_CloseRequest").isEnded().hasPassed("Event_DocumentsNotSupplied");
    assertRegistry(pi, RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("DOCUMENTS_MISSING", "CLOSED_DOCUMENTS_NOT_SUPPLIED");
  }

  @Test
  void shouldProceedToScreeningWhenOfficialFindsDocumentsSufficient() {
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), "Ge Pai New Energy Co.", WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");

    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, false));

    assertThat(pi).hasPassed("Gateway_JoinScreening").isWaitingAt("Task_ScreenInvestor");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);
    assertThat(notifications(pi)).isEmpty();
  }

  @Test
  void shouldContinueToAssessmentWhenComplianceClearsScreeningHit() {
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");

    execute(job());
    assertThat(pi).hasPassed("Event_ScreeningHitFound").isWaitingAt("Task_ReviewScreeningHit");
    assertThat(task()).hasCandidateGroup("compliance");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);

    complete(task(), withVariables(SCREENING_DECISION, "CLEAR"));

    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);
  }

  @Test
  void shouldRejectWhenComplianceConfirmsScreeningHit() {
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());

    complete(task(), withVariables(SCREENING_DECISION, "CONFIRM"));

    assertThat(pi).isEnded().hasPassed("Event_RequestRejected").hasNotPassed("Task_AssessRequest");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("REJECTED");
  }

  private ProcessInstance startProcess(NewLocalisationRequest request) {
    String number = intake.submit(request, "investor").request().number();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  private LocalisationRequest assertRegistry(ProcessInstance pi, RequestStatus status, RequestStage stage) {
    LocalisationRequest request = registry.get(pi.getBusinessKey());
    assertThat(request.status()).as("status").isEqualTo(status);
    assertThat(request.stage()).as("stage").isEqualTo(stage);
    assertThat(request.processInstanceId()).isEqualTo(pi.getId());
    return request;
  }

  private List<String> notifications(ProcessInstance pi) {
    return jdbc.sql("SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id")
        .param(pi.getBusinessKey())
        .query(String.class)
        .list();
  }

  private static String nextReference() {
    return "PROCESS-TEST-" + (++references);
  }
}
