package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DEADLINE;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_REVIEW_REQUIRED;
import static ru.mos.localisation.decision.DecisionVariables.ESCALATION_NOTE;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_COMMENT;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_REQUEST_WITHDRAWN;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_SITE_OFFER_ANSWERED;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.sites.SiteVariables.NO_SITE_DECISION;
import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.decision.DecisionVariables.PRIORITY;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_DECISION;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_REASON;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;
import static ru.mos.localisation.process.ProcessVariables.WITHDRAWAL_REASON;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
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
import ru.mos.localisation.process.MessageCorrelations.NotWaitingException;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.InvalidInputException.FieldViolation;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.TimelineEntry;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.sites.SiteService;
import ru.mos.localisation.sites.SiteStatus;

/**
 * One test per path through {@code localisation-request} and the {@code site-allocation} process
 * it calls, each told as the story of a request. Requests enter through intake as the investor API
 * sends them, investors answer through the same message correlations the API uses, and at every
 * wait state the registry's status and stage, the outbox and the site registry are checked against
 * the process. Every test starts from the demo site registry with all 22 sites available.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(ProcessCoverageGate.class)
class LocalisationProcessTests {

  private static final String INVESTOR = "Ge Pai New Energy Co.";
  private static final String BLOCKED_INVESTOR = "Blocked Holdings Ltd";
  private static final List<DocumentType> WITHOUT_ENVIRONMENTAL_SUMMARY =
      List.of(DocumentType.BUSINESS_PLAN, DocumentType.FINANCIAL_STATEMENTS, DocumentType.CORPORATE_DOCUMENTS);
  /** The demo registry's smallest site: 1.2 ha, 3 MW, hazard class 5 only — no recycling plant fits. */
  private static final String TOO_SMALL_SITE = "MSK-005";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired IntakeService intake;
  @Autowired DocumentsService documents;
  @Autowired MessageCorrelations correlations;
  @Autowired RequestRegistry registry;
  @Autowired SiteRegistry siteRegistry;
  @Autowired SiteService siteService;
  @Autowired SiteRegistry sites;
  @Autowired JdbcClient jdbc;

  private static int references;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  /** Stops what a test left waiting and gives every site back, so no test depends on another. */
  @AfterEach
  void releaseSitesAndStopUnfinishedRequests() {
    BpmnAwareTests.reset();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test finished", true));
    jdbc.sql("UPDATE industrial_site SET status = 'AVAILABLE', request_number = NULL").update();
  }

  // --- the two happy paths -------------------------------------------------------------------

  @Test
  void shouldApproveBatteryRecyclingPlantAfterEnvironmentalReview() {
    // given a complete request for a battery-recycling plant, with Mosprom support and a personnel exchange
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    String number = pi.getBusinessKey();
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);

    // when screening passes, the priority decision routes it: priority A, 10 days, environmental review
    execute(job());
    assertThat(pi).hasPassed("Task_DeterminePriority").isWaitingAt("Task_AssessRequest");
    assertThat(pi).variables()
        .containsEntry(PRIORITY, "A")
        .containsEntry(ASSESSMENT_DEADLINE, "P10D")
        .containsEntry(ENVIRONMENTAL_REVIEW_REQUIRED, true);
    assertThat(task()).hasCandidateGroup("investment-department");
    assertThat(task().getPriority()).isEqualTo(80);
    assertThat(task().getDueDate().toInstant()).isCloseTo(daysFromNow(10), within(1, ChronoUnit.MINUTES));
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);

    // and the department proceeds and the environmental reviewer approves with conditions
    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED", ASSESSMENT_COMMENT, "Приоритетное направление"));
    assertThat(pi).isWaitingAt("Task_ReviewEnvironmentalImpact");
    assertThat(task()).hasCandidateGroup("environmental-review");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ENVIRONMENTAL_REVIEW);
    complete(task(), withVariables(ENVIRONMENTAL_DECISION, "APPROVE", ENVIRONMENTAL_CONDITIONS, "Замкнутый цикл водоснабжения"));

    // then Mosprom and site allocation work in parallel
    assertThat(pi).hasPassed("Gateway_SplitSupportAndSite").isWaitingAt("Task_PrepareSupportPackage", "Task_AllocateSite");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);

    // when Mosprom registers export support and a personnel-exchange plan
    assertThat(task()).hasCandidateGroup("mosprom");
    complete(
        task(),
        withVariables(
            SUPPORT_MEASURES, measures("TRADE_MISSION", "CERTIFICATION"),
            PERSONNEL_EXCHANGE_PLAN, "Стажировка 20 инженеров на заводе в Китае"));
    assertThat(pi).hasPassed("Task_RegisterSupportPackage").isWaitingAtExactly("Gateway_JoinSupportAndSite", "Task_AllocateSite");
    assertThat(supportMeasures(number)).contains("TRADE_MISSION,CERTIFICATION");

    // and the site officer picks the best-fitting candidate, which is reserved and offered
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    assertThat(siteAllocation).hasBusinessKey(number).isWaitingAt("Task_SelectSite");
    assertThat(task()).hasCandidateGroup("site-allocation");
    List<String> candidates = siteRegistry.candidates(number);
    assertThat(candidates).isNotEmpty();
    String site = candidates.get(0);
    complete(task(), withVariables(SELECTED_SITE_ID, site));
    assertThat(siteAllocation).hasPassed("Task_ReserveSite", "Task_OfferSite").isWaitingAt("Gateway_OfferAnsweredInTime");
    assertSite(site, SiteStatus.RESERVED, number);
    assertThat(siteRegistry.candidates(number)).isEmpty();

    // and the investor accepts the offer
    answerSiteOffer(pi, true);
    assertThat(siteAllocation).isEnded().hasPassed("Event_SiteReserved");
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    assertThat(task()).hasCandidateGroup("investment-board");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.FINAL_APPROVAL);

    // and the board approves
    complete(task(), withVariables(FINAL_DECISION, "APPROVE", FINAL_COMMENT, "Одобрено"));

    // then the site is the investor's and the agreement is issued
    assertThat(pi).hasPassed("Task_ApproveRequest").isEnded().hasPassed("Event_RequestApproved");
    LocalisationRequest request = assertRegistry(pi, RequestStatus.APPROVED, RequestStage.DONE);
    assertThat(request.agreementNumber()).isEqualTo("AGR-" + number.substring(4));
    assertSite(site, SiteStatus.ALLOCATED, number);
    assertThat(notifications(pi)).containsExactly("SUPPORT_PACKAGE_REGISTERED", "SITE_OFFERED", "APPROVED");
  }

  @Test
  void shouldApproveElevatorFactoryWithoutEnvironmentalReview() {
    // given a small elevator factory of hazard class 5 asking for export support only
    ProcessInstance pi = startProcess(TestRequests.elevatorFactory(nextReference()));
    String number = pi.getBusinessKey();
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());

    // then the decision gives priority C, 30 days and no environmental review
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertThat(pi).variables()
        .containsEntry(PRIORITY, "C")
        .containsEntry(ASSESSMENT_DEADLINE, "P30D")
        .containsEntry(ENVIRONMENTAL_REVIEW_REQUIRED, false);
    assertThat(task().getPriority()).isEqualTo(20);
    assertThat(task().getDueDate().toInstant()).isCloseTo(daysFromNow(30), within(1, ChronoUnit.MINUTES));
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);

    // when the department proceeds, the request goes straight to support and site
    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED"));
    assertThat(pi).hasNotPassed("Task_ReviewEnvironmentalImpact")
        .isWaitingAt("Task_PrepareSupportPackage", "Task_AllocateSite");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);

    // and Mosprom registers export support without a personnel-exchange plan, which nobody asked for
    complete(task(), withVariables(SUPPORT_MEASURES, measures("FAIR_PARTICIPATION")));
    assertThat(pi).hasPassed("Task_RegisterSupportPackage");
    assertThat(supportMeasures(number)).contains("FAIR_PARTICIPATION");

    // and the investor accepts the site offered
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    String site = selectFirstCandidate(siteAllocation);
    answerSiteOffer(pi, true);
    assertThat(siteAllocation).isEnded();
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    complete(task(), withVariables(FINAL_DECISION, "APPROVE"));

    // then
    assertThat(pi).isEnded().hasPassed("Event_RequestApproved");
    assertRegistry(pi, RequestStatus.APPROVED, RequestStage.DONE);
    assertSite(site, SiteStatus.ALLOCATED, number);
  }

  // --- documents ------------------------------------------------------------------------------

  @Test
  void shouldWaitForMissingDocumentsThenContinueWhenSupplied() {
    // given a recycling request without its environmental impact summary
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), INVESTOR, WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    assertThat(task()).hasCandidateGroup("investment-department");
    LocalisationRequest waiting = assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS);
    assertThat(waiting.missingDocuments()).containsExactly(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);

    // when the official confirms the list, the investor is asked for it
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(pi).isWaitingAt("Gateway_DocumentsOrDeadline");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS);
    assertThat(notifications(pi)).containsExactly("DOCUMENTS_MISSING");

    // and the investor supplies it
    documents.supply(pi.getBusinessKey(), List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY));

    // then the request is complete and goes on to screening
    assertThat(pi).hasPassed("Event_DocumentsSupplied").isWaitingAt("Task_ScreenInvestor");
    LocalisationRequest complete = assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);
    assertThat(complete.missingDocuments()).isEmpty();
    assertThat(complete.documents()).contains(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);
    execute(job());
    assertThat(pi).isWaitingAt("Task_AssessRequest");
  }

  @Test
  void shouldAskAgainWhenSuppliedDocumentsAreStillIncomplete() {
    // given a request with only a business plan, whose missing documents were requested
    ProcessInstance pi =
        startProcess(TestRequests.recyclingPlant(nextReference(), INVESTOR, List.of(DocumentType.BUSINESS_PLAN)));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));

    // when the investor supplies only one of them
    documents.supply(pi.getBusinessKey(), List.of(DocumentType.FINANCIAL_STATEMENTS));

    // then the official confirms the shorter list again
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS);
    assertThat(registry.get(pi.getBusinessKey()).missingDocuments())
        .containsExactly(DocumentType.CORPORATE_DOCUMENTS, DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY);
  }

  @Test
  void shouldCloseRequestWhenDocumentsAreNotSuppliedWithin30Days() {
    // given a request waiting for its missing documents
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), INVESTOR, WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(pi).isWaitingAt("Gateway_DocumentsOrDeadline");
    assertThat(job().getDuedate().toInstant()).isCloseTo(daysFromNow(30), within(1, ChronoUnit.MINUTES));

    // when 30 days pass without them
    execute(job());

    // then the request is closed as not supplied
    assertThat(pi).hasPassed("Event_DocumentsDeadlinePassed", "Task_CloseRequest").isEnded().hasPassed("Event_DocumentsNotSupplied");
    assertRegistry(pi, RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("DOCUMENTS_MISSING", "CLOSED_DOCUMENTS_NOT_SUPPLIED");
  }

  @Test
  void shouldProceedToScreeningWhenOfficialWaivesMissingDocuments() {
    // given a request the completeness check finds incomplete
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), INVESTOR, WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");

    // when the official finds the documents sufficient
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, false));

    // then nobody asks the investor for anything and screening begins
    assertThat(pi).hasPassed("Gateway_JoinScreening").hasNotPassed("Task_RequestMissingDocuments").isWaitingAt("Task_ScreenInvestor");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);
    assertThat(notifications(pi)).isEmpty();
  }

  // --- screening ------------------------------------------------------------------------------

  @Test
  void shouldContinueToAssessmentWhenComplianceClearsScreeningHit() {
    // given an investor on the screening list
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");

    // when screening runs, compliance reviews the hit
    execute(job());
    assertThat(pi).hasPassed("Event_ScreeningHitFound").isWaitingAt("Task_ReviewScreeningHit");
    assertThat(task()).hasCandidateGroup("compliance");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SCREENING);

    // and clears it, saying why
    complete(task(), withVariables(SCREENING_DECISION, "CLEAR", SCREENING_REASON, "Другое лицо: иной регистрационный номер"));

    // then the request is assessed, and the reason is on the request's timeline
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);
    assertThat(registry.timeline(pi.getBusinessKey()))
        .anySatisfy(
            entry -> {
              assertThat(entry.type()).isEqualTo("SCREENING_REVIEWED");
              assertThat(entry.detail()).startsWith("Совпадение снято. Причина: Другое лицо: иной регистрационный номер");
            });
  }

  @Test
  void shouldRefuseAScreeningDecisionWithoutAReason() {
    // given an investor on the screening list under compliance review
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());
    assertThat(pi).isWaitingAt("Task_ReviewScreeningHit");
    Task review = task();
    assertThat(review.getDueDate()).as("due date of the review").isAfter(Instant.now());

    // when compliance clears the hit without saying why, or with blanks
    // then the completion is refused, in Russian, and the review stays open
    for (String reason : new String[] {null, "   "}) {
      Map<String, Object> decision = new java.util.HashMap<>();
      decision.put(SCREENING_DECISION, "CLEAR");
      decision.put(SCREENING_REASON, reason);
      // (the engine wraps what a listener expression throws; the REST doors answer its cause, 400)
      assertThatThrownBy(() -> complete(review, decision))
          .hasRootCauseInstanceOf(InvalidInputException.class)
          .hasRootCauseMessage("Укажите причину решения: она попадёт в историю заявки.");
    }
    assertThat(pi).isWaitingAt("Task_ReviewScreeningHit");
    assertThat(registry.timeline(pi.getBusinessKey())).noneMatch(entry -> entry.type().equals("SCREENING_REVIEWED"));
  }

  @Test
  void shouldRejectWhenComplianceConfirmsScreeningHit() {
    // given an investor on the screening list under compliance review
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS));
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());
    assertThat(pi).isWaitingAt("Task_ReviewScreeningHit");

    // when compliance confirms the hit
    complete(task(), withVariables(SCREENING_DECISION, "CONFIRM", SCREENING_REASON, "Реквизиты совпадают с записью списка"));

    // then
    assertThat(pi).isEnded().hasPassed("Event_RequestRejected").hasNotPassed("Task_AssessRequest");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("REJECTED");
    // and the investor is told of a rejection under review, as after the department's, never of screening
    assertThat(lastTimelineEntry(pi)).isEqualTo(new TimelineEntryView("REJECTED", "at stage ASSESSMENT"));
    assertThat(lastLetter(pi))
        .contains("на этапе «рассмотрение заявки»", "at the stage \"review of the request\"")
        .contains("Причина не указана")
        .doesNotContainIgnoringCase("screening")
        .doesNotContainIgnoringCase("провер");
  }

  // --- assessment and environmental review ----------------------------------------------------

  @Test
  void shouldRejectWhenAssessmentRejects() {
    // given a request under assessment
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    passScreening(pi);
    assertThat(pi).isWaitingAt("Task_AssessRequest");

    // when the department rejects it
    complete(task(), withVariables(ASSESSMENT_DECISION, "REJECT", ASSESSMENT_COMMENT, "Нет обоснования"));

    // then
    assertThat(pi).hasPassed("Task_RejectRequest").isEnded().hasPassed("Event_RequestRejected");
    assertThat(pi).hasNotPassed("Task_ReviewEnvironmentalImpact", "Task_DecideFinalApproval");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(lastTimelineEntry(pi)).isEqualTo(new TimelineEntryView("REJECTED", "at stage ASSESSMENT"));
    assertThat(notifications(pi)).containsExactly("REJECTED");
    // with the department's reason
    assertThat(lastLetter(pi)).contains("Причина:\n  Нет обоснования", "Reason given by the officials (in Russian):\n  Нет обоснования");
  }

  @Test
  void shouldEscalateToBoardWhenAssessmentDeadlinePassesWhileAssessmentStaysOpen() {
    // given a priority-A request under assessment: due in 10 days, and a timer set for the same moment
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    passScreening(pi);
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    Date due = task().getDueDate();
    assertThat(job().getDuedate().toInstant()).isCloseTo(daysFromNow(10), within(1, ChronoUnit.MINUTES))
        .isCloseTo(due.toInstant(), within(1, ChronoUnit.SECONDS));

    // when the deadline passes
    execute(job());

    // then the board gets an escalation and the assessment stays open
    assertThat(pi).hasPassed("Event_AssessmentOverdue").isWaitingAt("Task_AssessRequest", "Task_HandleOverdueAssessment");
    assertThat(task("Task_HandleOverdueAssessment")).hasCandidateGroup("investment-board");
    assertThat(task("Task_AssessRequest")).hasCandidateGroup("investment-department");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);

    // when the board notes the escalation
    complete(task("Task_HandleOverdueAssessment"), withVariables(ESCALATION_NOTE, "Ускорить оценку до пятницы"));

    // then only the assessment is left, and it can still be completed
    assertThat(pi).hasPassed("Event_EscalationHandled").isWaitingAtExactly("Task_AssessRequest");
    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED"));
    assertThat(pi).isWaitingAt("Task_ReviewEnvironmentalImpact");
  }

  @Test
  void shouldRejectWhenEnvironmentalReviewRejects() {
    // given a recycling plant the department wants to proceed with
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    passScreening(pi);
    proceedWithAssessment(pi);
    assertThat(pi).isWaitingAt("Task_ReviewEnvironmentalImpact");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ENVIRONMENTAL_REVIEW);

    // when the environmental reviewer rejects it
    complete(task(), withVariables(ENVIRONMENTAL_DECISION, "REJECT", ENVIRONMENTAL_CONDITIONS, "Санитарная зона не соблюдена"));

    // then the request is rejected before any site is looked for
    assertThat(pi).hasPassed("Task_RejectRequest").isEnded().hasPassed("Event_RequestRejected");
    assertThat(pi).hasNotPassed("Gateway_SplitSupportAndSite", "Task_AllocateSite");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(lastTimelineEntry(pi)).isEqualTo(new TimelineEntryView("REJECTED", "at stage ENVIRONMENTAL_REVIEW"));
    assertThat(notifications(pi)).containsExactly("REJECTED");
    assertThat(lastLetter(pi)).contains("на этапе «экологическая экспертиза»", "Санитарная зона не соблюдена");
  }

  // --- Mosprom support ------------------------------------------------------------------------

  @Test
  void shouldSkipMospromSupportWhenInvestorAsksForNone() {
    // given an investor who asks for neither export support nor a personnel exchange
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));

    // when the request reaches support and site
    bringToSupportAndSite(pi);

    // then Mosprom has nothing to do: its branch waits at the join for the site
    assertThat(pi).hasPassed("Gateway_SupportRequested", "Gateway_JoinSupport")
        .hasNotPassed("Task_PrepareSupportPackage")
        .isWaitingAtExactly("Gateway_JoinSupportAndSite", "Task_AllocateSite");
    assertThat(task("Task_PrepareSupportPackage")).isNull();
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);

    // and once the investor accepts a site, the board decides
    selectFirstCandidate(siteAllocationOf(pi));
    answerSiteOffer(pi, true);
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    assertThat(supportMeasures(pi.getBusinessKey())).isEmpty();
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED");
  }

  @Test
  void shouldKeepSupportTaskOpenWhenPersonnelExchangePlanIsMissing() {
    // given an investor who asked for a personnel exchange, at Mosprom's support task
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    bringToSupportAndSite(pi);
    assertThat(pi).isWaitingAt("Task_PrepareSupportPackage");
    Task supportTask = task("Task_PrepareSupportPackage");

    // when Mosprom completes it with export measures but no exchange plan
    // then the completion is refused as invalid input
    assertThatThrownBy(() -> complete(supportTask, withVariables(SUPPORT_MEASURES, measures("TRADE_MISSION"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Инвестор запросил обмен персоналом: опишите программу обмена.")
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(FieldViolation::field).containsExactly(PERSONNEL_EXCHANGE_PLAN));

    // and the task stays open, nothing is registered and nobody is notified
    assertThat(pi).hasNotPassed("Task_RegisterSupportPackage").isWaitingAt("Task_PrepareSupportPackage");
    assertThat(task("Task_PrepareSupportPackage").getId()).isEqualTo(supportTask.getId());
    assertThat(supportMeasures(pi.getBusinessKey())).isEmpty();
    assertThat(notifications(pi)).doesNotContain("SUPPORT_PACKAGE_REGISTERED");

    // when Mosprom adds the plan, the package is registered
    complete(
        supportTask,
        withVariables(SUPPORT_MEASURES, measures("TRADE_MISSION"), PERSONNEL_EXCHANGE_PLAN, "Обмен мастерами цехов"));
    assertThat(pi).hasPassed("Task_RegisterSupportPackage").isWaitingAtExactly("Gateway_JoinSupportAndSite", "Task_AllocateSite");
    assertThat(notifications(pi)).containsExactly("SUPPORT_PACKAGE_REGISTERED");
  }

  // --- site allocation ------------------------------------------------------------------------

  @Test
  void shouldOfferAnotherSiteWhenInvestorDeclinesTheFirst() {
    // given a request whose first site is offered to the investor
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    String number = pi.getBusinessKey();
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    String declined = selectFirstCandidate(siteAllocation);
    assertThat(siteAllocation).isWaitingAt("Gateway_OfferAnsweredInTime");
    assertSite(declined, SiteStatus.RESERVED, number);

    // when the investor declines it
    answerSiteOffer(pi, false);

    // then the reservation is released and the official selects again, without the declined site
    assertThat(siteAllocation).hasPassed("Task_ReleaseSite").isWaitingAt("Task_SelectSite");
    assertSite(declined, SiteStatus.AVAILABLE, null);
    List<String> candidates = siteRegistry.candidates(number);
    assertThat(candidates).isNotEmpty().doesNotContain(declined);
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);

    // when the next site is offered and accepted
    String accepted = candidates.get(0);
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    complete(task(), withVariables(SELECTED_SITE_ID, accepted));
    answerSiteOffer(pi, true);

    // then that site is reserved for the request and the board decides
    assertThat(siteAllocation).isEnded().hasPassed("Event_SiteReserved");
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    assertSite(accepted, SiteStatus.RESERVED, number);
    assertSite(declined, SiteStatus.AVAILABLE, null);
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED", "SITE_OFFERED");
  }

  @Test
  void shouldReleaseReservationWhenOfferIsNotAnsweredWithin14Days() {
    // given a site offered to the investor
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    String number = pi.getBusinessKey();
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    String offered = selectFirstCandidate(siteAllocation);
    assertThat(siteAllocation).isWaitingAt("Gateway_OfferAnsweredInTime");
    assertThat(job().getDuedate().toInstant()).isCloseTo(daysFromNow(14), within(1, ChronoUnit.MINUTES));

    // when 14 days pass without an answer
    execute(job());

    // then the reservation is released, the investor is told, and the official selects a site again
    assertThat(siteAllocation).hasPassed("Event_OfferExpired", "Task_ReleaseSite")
        .hasNotPassed("Event_SiteOfferAnswered")
        .isWaitingAt("Task_SelectSite");
    assertSite(offered, SiteStatus.AVAILABLE, null);
    assertThat(siteService.siteOf(number)).isEmpty();
    assertThat(siteRegistry.candidates(number)).isNotEmpty();
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED", "SITE_OFFER_EXPIRED");

    // and a late answer finds nothing waiting for it
    assertThatThrownBy(() -> answerSiteOffer(pi, true)).isInstanceOf(NotWaitingException.class);
  }

  @Test
  void shouldTellInvestorOfferLapsedAfterAnEarlierOfferWasDeclined() {
    // given an investor who declined the first site and was offered a second one
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    selectFirstCandidate(siteAllocation);
    answerSiteOffer(pi, false);
    String second = selectFirstCandidate(siteAllocation);
    assertThat(siteAllocation).isWaitingAt("Gateway_OfferAnsweredInTime");

    // when the second offer goes unanswered for 14 days
    execute(job());

    // then it counts as lapsed, not as declined again: the investor is told so
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    assertSite(second, SiteStatus.AVAILABLE, null);
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED", "SITE_OFFERED", "SITE_OFFER_EXPIRED");
  }

  @Test
  void shouldMatchAgainWhenSelectedSiteIsTakenByAnotherRequestMeanwhile() {
    // given two recycling plants at site selection, both offered the same best-fitting site
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    ProcessInstance rival = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    bringToSupportAndSite(pi);
    bringToSupportAndSite(rival);
    String number = pi.getBusinessKey();
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    ProcessInstance rivalSiteAllocation = siteAllocationOf(rival);
    String contested = siteRegistry.candidates(number).get(0);
    assertThat(siteRegistry.candidates(rival.getBusinessKey())).contains(contested);
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    Task selection = task();

    // when the rival's official reserves the site first
    assertThat(rivalSiteAllocation).isWaitingAt("Task_SelectSite");
    complete(task(), withVariables(SELECTED_SITE_ID, contested));
    assertThat(rivalSiteAllocation).isWaitingAt("Gateway_OfferAnsweredInTime");

    // and our official selects it from the list shown before
    complete(selection, withVariables(SELECTED_SITE_ID, contested));

    // then the reservation fails, nothing is offered and sites are matched again without it
    assertThat(siteAllocation).hasPassed("Event_SiteTaken").hasNotPassed("Task_OfferSite").isWaitingAt("Task_SelectSite");
    assertThat(siteRegistry.candidates(number)).isNotEmpty().doesNotContain(contested);
    assertSite(contested, SiteStatus.RESERVED, rival.getBusinessKey());
    assertThat(siteService.siteOf(number)).isEmpty();
    assertThat(notifications(pi)).isEmpty();
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);
  }

  @Test
  void shouldRefuseSiteThatIsNotACandidate() {
    // given a request at site selection
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    assertThat(siteRegistry.candidates(pi.getBusinessKey())).doesNotContain(TOO_SMALL_SITE);
    Task selection = task();

    // when the official selects a site that is not among the candidates
    // then the selection is refused and the task stays open
    assertThatThrownBy(() -> complete(selection, withVariables(SELECTED_SITE_ID, TOO_SMALL_SITE)))
        .isInstanceOf(InvalidInputException.class)
        // in Russian for the official in Tasklist, without ids
        .hasMessage("Выберите площадку из списка подходящих: указанной площадки в нём нет.")
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(FieldViolation::field).containsExactly(SELECTED_SITE_ID));
    assertThat(siteAllocation).hasNotPassed("Task_ReserveSite").isWaitingAt("Task_SelectSite");
    assertSite(TOO_SMALL_SITE, SiteStatus.AVAILABLE, null);
  }

  @Test
  void shouldRejectRequestWhenNoSuitableSiteAppearsAfterWaiting() {
    // given a plant that needs 500 ha, more than any site of the registry
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantOnArea(nextReference(), "500"));
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);

    // then no site matches and an official decides what to do
    assertThat(siteAllocation).hasPassed("Task_MatchSites").isWaitingAt("Task_DecideWithoutSite");
    assertThat(task()).hasCandidateGroup("site-allocation");
    assertThat(siteRegistry.candidates(pi.getBusinessKey())).isEmpty();
    assertThat(timelineTypes(pi)).containsOnlyOnce("NO_SITE_FOUND");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);

    // when the official decides to wait for new sites
    complete(task(), withVariables(NO_SITE_DECISION, "WAIT"));
    assertThat(siteAllocation).isWaitingAt("Event_SitesRecheckDue");
    assertThat(job().getDuedate().toInstant()).isCloseTo(daysFromNow(7), within(1, ChronoUnit.MINUTES));

    // and 7 days later there is still none
    execute(job());
    assertThat(siteAllocation).hasPassed("Event_SitesRecheckDue").isWaitingAt("Task_DecideWithoutSite");
    assertThat(timelineTypes(pi)).filteredOn("NO_SITE_FOUND"::equals).hasSize(2);

    // and the official gives up
    complete(task(), withVariables(NO_SITE_DECISION, "REJECT"));

    // then the request is rejected, Mosprom's open task with it
    assertThat(siteAllocation).isEnded().hasPassed("Event_NoSiteAvailable");
    assertThat(pi).hasPassed("Event_NoSiteFound", "Task_RejectRequest").isEnded().hasPassed("Event_RequestRejected");
    assertThat(pi).hasNotPassed("Task_RegisterSupportPackage", "Task_DecideFinalApproval");
    assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("REJECTED");
    assertThat(lastLetter(pi)).contains("нет свободной промышленной площадки", "no available industrial site");
  }

  // --- final decision -------------------------------------------------------------------------

  @Test
  void shouldReleaseReservedSiteWhenBoardRejectsRequest() {
    // given a request whose investor accepted the site reserved for it
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    String number = pi.getBusinessKey();
    bringToSupportAndSite(pi);
    String site = selectFirstCandidate(siteAllocationOf(pi));
    answerSiteOffer(pi, true);
    assertThat(pi).isWaitingAt("Task_DecideFinalApproval");
    assertSite(site, SiteStatus.RESERVED, number);

    // when the board rejects it
    complete(task(), withVariables(FINAL_DECISION, "REJECT", FINAL_COMMENT, "Отказ правления"));

    // then the site is available again and no agreement is issued
    assertThat(pi).isEnded().hasPassed("Event_RequestRejected").hasNotPassed("Task_ApproveRequest");
    LocalisationRequest request = assertRegistry(pi, RequestStatus.REJECTED, RequestStage.DONE);
    assertThat(request.agreementNumber()).isNull();
    assertSite(site, SiteStatus.AVAILABLE, null);
    assertThat(reservationOutcomes(number)).containsExactly("RELEASED");
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED", "REJECTED");
    assertThat(lastLetter(pi)).contains("на этапе «окончательное решение»", "Отказ правления");
  }

  // --- withdrawal -----------------------------------------------------------------------------

  @Test
  void shouldWithdrawRequestWaitingForDocuments() {
    // given a request waiting for missing documents
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference(), INVESTOR, WITHOUT_ENVIRONMENTAL_SUMMARY));
    assertThat(pi).isWaitingAt("Task_ConfirmMissingDocuments");
    complete(task(), withVariables(MISSING_DOCUMENTS_CONFIRMED, true));
    assertThat(pi).isWaitingAt("Gateway_DocumentsOrDeadline");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS);

    // when the investor withdraws it
    withdraw(pi, "Проект перенесён");

    // then the request ends as withdrawn and no longer waits for documents
    assertThat(pi).hasPassed("Event_RequestWithdrawn", "Task_WithdrawRequest", "Event_RequestWithdrawnClosed")
        .hasNotPassed("Event_DocumentsSupplied", "Event_DocumentsDeadlinePassed")
        .isEnded();
    assertRegistry(pi, RequestStatus.WITHDRAWN, RequestStage.DONE);
    assertThat(lastTimelineEntry(pi)).isEqualTo(new TimelineEntryView("WITHDRAWN", "Проект перенесён"));
    assertThat(notifications(pi)).containsExactly("DOCUMENTS_MISSING", "WITHDRAWN");
    assertThatThrownBy(() -> documents.supply(pi.getBusinessKey(), List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY)))
        .isInstanceOf(NotWaitingException.class);
  }

  @Test
  void shouldWithdrawRequestUnderAssessment() {
    // given a request under assessment, its escalation timer set
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    passScreening(pi);
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.ASSESSMENT);

    // when the investor withdraws it
    withdraw(pi, "Инвестор выбрал другой регион");

    // then the assessment and its timer are gone and the request is withdrawn
    assertThat(pi).hasPassed("Task_WithdrawRequest").hasNotPassed("Event_AssessmentOverdue").isEnded();
    assertRegistry(pi, RequestStatus.WITHDRAWN, RequestStage.DONE);
    assertThat(notifications(pi)).containsExactly("WITHDRAWN");
  }

  @Test
  void shouldWithdrawRequestDuringSiteSelection() {
    // given a request whose candidate sites an official is choosing from
    ProcessInstance pi = startProcess(TestRequests.recyclingPlantWithoutSupport(nextReference()));
    String number = pi.getBusinessKey();
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    assertThat(siteRegistry.candidates(number)).isNotEmpty();

    // when the investor withdraws it
    withdraw(pi, "Проект отменён");

    // then the selection stops and the request no longer shows candidate sites
    assertThat(pi).hasPassed("Task_WithdrawRequest").isEnded();
    assertThat(siteAllocation).isEnded().hasNotPassed("Task_ReserveSite");
    assertRegistry(pi, RequestStatus.WITHDRAWN, RequestStage.DONE);
    assertThat(siteRegistry.candidates(number)).isEmpty();
    assertThat(siteService.siteOf(number)).isEmpty();
    assertThat(notifications(pi)).containsExactly("WITHDRAWN");
  }

  @Test
  void shouldReleaseReservedSiteWhenInvestorWithdrawsWhileSiteOfferIsOpen() {
    // given a site reserved and offered to the investor, Mosprom still at work
    ProcessInstance pi = startProcess(TestRequests.recyclingPlant(nextReference()));
    String number = pi.getBusinessKey();
    bringToSupportAndSite(pi);
    ProcessInstance siteAllocation = siteAllocationOf(pi);
    String site = selectFirstCandidate(siteAllocation);
    assertThat(siteAllocation).isWaitingAt("Gateway_OfferAnsweredInTime");
    assertThat(pi).isWaitingAt("Task_PrepareSupportPackage", "Task_AllocateSite");
    assertRegistry(pi, RequestStatus.IN_PROGRESS, RequestStage.SUPPORT_AND_SITE);
    assertSite(site, SiteStatus.RESERVED, number);

    // when the investor withdraws the request instead of answering
    withdraw(pi, "Площадка не нужна");

    // then both branches and the site allocation stop, and the site is available again
    assertThat(pi).hasPassed("Task_WithdrawRequest").isEnded();
    assertThat(siteAllocation).isEnded().hasNotPassed("Event_SiteOfferAnswered");
    assertRegistry(pi, RequestStatus.WITHDRAWN, RequestStage.DONE);
    assertSite(site, SiteStatus.AVAILABLE, null);
    assertThat(siteService.siteOf(number)).isEmpty();
    assertThat(reservationOutcomes(number)).containsExactly("RELEASED");
    assertThat(notifications(pi)).containsExactly("SITE_OFFERED", "WITHDRAWN");
  }

  // --- steps shared by the stories --------------------------------------------------------------

  private ProcessInstance startProcess(NewLocalisationRequest request) {
    String number = intake.submit(request, "investor").request().number();
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .singleResult();
  }

  private void passScreening(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_ScreenInvestor");
    execute(job());
  }

  private void proceedWithAssessment(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_AssessRequest");
    complete(task(), withVariables(ASSESSMENT_DECISION, "PROCEED", ASSESSMENT_COMMENT, "Проект соответствует приоритетам"));
  }

  /** Screening, assessment and environmental review of a recycling plant, up to the parallel stage. */
  private void bringToSupportAndSite(ProcessInstance pi) {
    passScreening(pi);
    proceedWithAssessment(pi);
    assertThat(pi).isWaitingAt("Task_ReviewEnvironmentalImpact");
    complete(task(), withVariables(ENVIRONMENTAL_DECISION, "APPROVE"));
    assertThat(pi).isWaitingAt("Task_AllocateSite");
  }

  private ProcessInstance siteAllocationOf(ProcessInstance pi) {
    return calledProcessInstance(SITE_ALLOCATION_PROCESS_KEY, pi);
  }

  /** The official selects the best-fitting candidate; it is reserved and offered to the investor. */
  private String selectFirstCandidate(ProcessInstance siteAllocation) {
    assertThat(siteAllocation).isWaitingAt("Task_SelectSite");
    String site = siteRegistry.candidates(siteAllocation.getBusinessKey()).get(0);
    complete(task(), withVariables(SELECTED_SITE_ID, site));
    return site;
  }

  /** The investor answers the site offer, as {@code POST …/site-offer/answer} does. */
  private void answerSiteOffer(ProcessInstance pi, boolean accepted) {
    correlations.correlate(pi.getBusinessKey(), MESSAGE_SITE_OFFER_ANSWERED, Map.of(SITE_OFFER_ACCEPTED, accepted));
  }

  /** The investor withdraws the request, as {@code POST …/withdrawal} does. */
  private void withdraw(ProcessInstance pi, String reason) {
    correlations.correlate(pi.getBusinessKey(), MESSAGE_REQUEST_WITHDRAWN, Map.of(WITHDRAWAL_REASON, reason));
  }

  /** Support measures as the Tasklist form sends them: a Json array. */
  private static TypedValue measures(String... measures) {
    return SpinValues.jsonValue(Stream.of(measures).map(m -> '"' + m + '"').collect(Collectors.joining(",", "[", "]")))
        .create();
  }

  private LocalisationRequest assertRegistry(ProcessInstance pi, RequestStatus status, RequestStage stage) {
    LocalisationRequest request = registry.get(pi.getBusinessKey());
    assertThat(request.status()).as("status").isEqualTo(status);
    assertThat(request.stage()).as("stage").isEqualTo(stage);
    assertThat(request.processInstanceId()).isEqualTo(pi.getId());
    return request;
  }

  private void assertSite(String siteId, SiteStatus status, String requestNumber) {
    IndustrialSite site = sites.all().stream().filter(s -> s.id().equals(siteId)).findFirst().orElseThrow();
    assertThat(site.status()).as("status of site %s", siteId).isEqualTo(status);
    assertThat(site.requestNumber()).as("request holding site %s", siteId).isEqualTo(requestNumber);
  }

  /** The investor's notifications after the letter of registration, which every request gets first. */
  private List<String> notifications(ProcessInstance pi) {
    List<String> all =
        jdbc.sql("SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id")
            .param(pi.getBusinessKey())
            .query(String.class)
            .list();
    assertThat(all).as("notifications of %s", pi.getBusinessKey()).first().isEqualTo("REQUEST_RECEIVED");
    return all.subList(1, all.size());
  }

  /** The plain text of the investor's last letter about the request. */
  private String lastLetter(ProcessInstance pi) {
    return jdbc.sql("SELECT body FROM investor_notification WHERE request_number = ? ORDER BY id DESC")
        .param(pi.getBusinessKey())
        .query(String.class)
        .list()
        .get(0);
  }

  private Optional<String> supportMeasures(String number) {
    return jdbc.sql("SELECT measures FROM support_package WHERE request_number = ?")
        .param(number)
        .query(String.class)
        .optional();
  }

  private List<String> reservationOutcomes(String number) {
    return jdbc.sql("SELECT outcome FROM site_reservation WHERE request_number = ? ORDER BY id")
        .param(number)
        .query(String.class)
        .list();
  }

  private List<String> timelineTypes(ProcessInstance pi) {
    return registry.timeline(pi.getBusinessKey()).stream().map(TimelineEntry::type).toList();
  }

  private TimelineEntryView lastTimelineEntry(ProcessInstance pi) {
    List<TimelineEntry> timeline = registry.timeline(pi.getBusinessKey());
    TimelineEntry last = timeline.get(timeline.size() - 1);
    return new TimelineEntryView(last.type(), last.detail());
  }

  /** A timeline entry without its time stamp. */
  private record TimelineEntryView(String type, String detail) {}

  private static Instant daysFromNow(int days) {
    return Instant.now().plus(days, ChronoUnit.DAYS);
  }

  private static String nextReference() {
    return "PROCESS-TEST-" + (++references);
  }
}
