package ru.mos.localisation.process;

import java.util.Arrays;
import java.util.List;
import ru.mos.localisation.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Checks the decision an official sets when completing a task, before the gateways read it: a
 * missing or unknown value refuses the completion (400 from {@code /engine-rest}) instead of
 * leaving the process with no way out. Called from a complete task listener:
 * {@code ${taskDecisions.require(task, 'assessmentDecision', 'PROCEED,REJECT')}}. The refusals
 * are Russian sentences without ids: Tasklist shows them to the official as they are.
 */
@Component("taskDecisions")
public class TaskDecisions {

  /** Longest free text an official may give with a decision (the forms' own limit). */
  static final int MAX_TEXT = 4000;

  public void require(DelegateTask task, String variable, String allowedValues) {
    List<String> allowed = Arrays.asList(allowedValues.split(","));
    Object value = task.getVariable(variable);
    if (value == null || !allowed.contains(value.toString())) {
      throw InvalidInputException.toOfficial(variable, "Выберите решение из предложенных в форме.");
    }
  }

  public void requireBoolean(DelegateTask task, String variable) {
    if (!(task.getVariable(variable) instanceof Boolean)) {
      throw InvalidInputException.toOfficial(variable, "Отметьте, подтверждаете ли вы решение, или снимите отметку.");
    }
  }

  /** A reason the official must write down, e.g. why a screening hit was cleared or confirmed. */
  public void requireText(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (!(value instanceof String text) || text.isBlank()) {
      throw InvalidInputException.toOfficial(variable, "Укажите причину решения: она попадёт в историю заявки.");
    }
    if (text.length() > MAX_TEXT) {
      throw InvalidInputException.toOfficial(variable, "Причина решения длиннее " + MAX_TEXT + " знаков: сократите её.");
    }
  }
}
