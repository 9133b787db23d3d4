package ru.mos.localisation.integrity;

import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ESCALATION_NOTE;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_COMMENT;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.documents.DocumentVariables.PAPER_ORIGINALS;
import static ru.mos.localisation.sites.SiteVariables.NO_SITE_DECISION;
import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_DECISION;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_REASON;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;

import java.util.Map;
import java.util.Set;

/**
 * The fields an official sets by completing each user task (the product's contract, "Task
 * variables", with the compliance officer's required reason of issue 14), by task id. The task forms bind exactly these, and the engine refuses a completion
 * that sets anything else, whatever the door.
 */
public final class TaskFields {

  private static final Map<String, Set<String>> BY_TASK =
      Map.of(
          "Task_ConfirmMissingDocuments", Set.of(MISSING_DOCUMENTS_CONFIRMED, PAPER_ORIGINALS),
          "Task_ReviewScreeningHit", Set.of(SCREENING_DECISION, SCREENING_REASON),
          "Task_AssessRequest", Set.of(ASSESSMENT_DECISION, ASSESSMENT_COMMENT),
          "Task_HandleOverdueAssessment", Set.of(ESCALATION_NOTE),
          "Task_ReviewEnvironmentalImpact", Set.of(ENVIRONMENTAL_DECISION, ENVIRONMENTAL_CONDITIONS),
          "Task_PrepareSupportPackage", Set.of(SUPPORT_MEASURES, PERSONNEL_EXCHANGE_PLAN),
          "Task_SelectSite", Set.of(SELECTED_SITE_ID),
          "Task_DecideWithoutSite", Set.of(NO_SITE_DECISION),
          "Task_DecideFinalApproval", Set.of(FINAL_DECISION, FINAL_COMMENT));

  private TaskFields() {}

  /** The fields of a task, none for a task the contract does not know. */
  public static Set<String> of(String taskId) {
    return BY_TASK.getOrDefault(taskId, Set.of());
  }

  /** Every task of the contract with its fields. */
  public static Map<String, Set<String>> all() {
    return BY_TASK;
  }
}
