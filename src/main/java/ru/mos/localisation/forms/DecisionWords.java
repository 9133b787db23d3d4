package ru.mos.localisation.forms;

import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ESCALATION_NOTE;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_COMMENT;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_DECISION;
import static ru.mos.localisation.screening.ScreeningVariables.SCREENING_REASON;
import static ru.mos.localisation.sites.SiteVariables.NO_SITE_DECISION;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import ru.mos.localisation.process.EnumListVariable;
import ru.mos.localisation.support.SupportMeasure;

/**
 * An official's decision in words, from the variables the completion set (the product's task
 * contract): what was decided, and the official's own text with it (comment, conditions, reason).
 */
final class DecisionWords {

  /** What was decided and the official's own words, if any. */
  record Words(String outcome, String comment) {}

  private static final Map<String, Function<VariableScope, Words>> BY_TASK =
      Map.of(
          "Task_ConfirmMissingDocuments",
          task ->
              new Words(
                  Boolean.TRUE.equals(task.getVariable(MISSING_DOCUMENTS_CONFIRMED))
                      ? "Перечень недостающих документов подтверждён, инвестору направлен запрос"
                      : "Представленных документов достаточно, заявка направлена на проверку инвестора",
                  null),
          "Task_ReviewScreeningHit",
          task ->
              new Words(
                  chosen(task, SCREENING_DECISION, Map.of("CLEAR", "Совпадение снято", "CONFIRM", "Совпадение подтверждено, заявка отклонена")),
                  text(task, SCREENING_REASON)),
          "Task_AssessRequest",
          task ->
              new Words(
                  chosen(task, ASSESSMENT_DECISION, Map.of("PROCEED", "Продолжить рассмотрение", "REJECT", "Отклонить заявку")),
                  text(task, ASSESSMENT_COMMENT)),
          "Task_HandleOverdueAssessment",
          task -> new Words("Дано поручение по просроченной оценке", text(task, ESCALATION_NOTE)),
          "Task_ReviewEnvironmentalImpact",
          task ->
              new Words(
                  chosen(task, ENVIRONMENTAL_DECISION, Map.of("APPROVE", "Заключение положительное", "REJECT", "Заключение отрицательное, заявка отклонена")),
                  text(task, ENVIRONMENTAL_CONDITIONS)),
          "Task_PrepareSupportPackage",
          task -> new Words(measures(task.getVariable(SUPPORT_MEASURES)), text(task, PERSONNEL_EXCHANGE_PLAN)),
          "Task_SelectSite",
          task -> new Words("Выбрана площадка " + Objects.toString(task.getVariable(SELECTED_SITE_ID), ""), null),
          "Task_DecideWithoutSite",
          task ->
              new Words(
                  chosen(task, NO_SITE_DECISION, Map.of("WAIT", "Ждать новые площадки", "REJECT", "Отклонить заявку: площадки нет")),
                  null),
          "Task_DecideFinalApproval",
          task ->
              new Words(
                  chosen(task, FINAL_DECISION, Map.of("APPROVE", "Заявка одобрена", "REJECT", "Заявка отклонена")),
                  text(task, FINAL_COMMENT)));

  private DecisionWords() {}

  /** The decision taken at the task, none for a task the contract does not know. */
  static Words of(String taskKey, VariableScope task) {
    Function<VariableScope, Words> words = BY_TASK.get(taskKey);
    return words == null ? null : words.apply(task);
  }

  /** Mosprom's measures in words: «Бизнес-миссия, Участие в выставке», or that there are none. */
  static String measures(Object value) {
    String measures =
        EnumListVariable.parse(SupportMeasure.class, SUPPORT_MEASURES, value).stream()
            .distinct()
            .map(SupportMeasure::titleRu)
            .collect(Collectors.joining(", "));
    return measures.isEmpty() ? "Меры экспортной поддержки не назначены" : "Меры экспортной поддержки: " + measures;
  }

  private static String chosen(VariableScope task, String variable, Map<String, String> words) {
    Object value = task.getVariable(variable);
    return words.getOrDefault(Objects.toString(value, ""), Objects.toString(value, ""));
  }

  private static String text(VariableScope task, String variable) {
    return task.getVariable(variable) instanceof String text && !text.isBlank() ? text.strip() : null;
  }
}
