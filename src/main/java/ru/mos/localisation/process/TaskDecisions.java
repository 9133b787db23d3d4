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
 * {@code ${taskDecisions.require(task, 'assessmentDecision', 'PROCEED,REJECT')}}.
 */
@Component("taskDecisions")
public class TaskDecisions {

  public void require(DelegateTask task, String variable, String allowedValues) {
    List<String> allowed = Arrays.asList(allowedValues.split(","));
    Object value = task.getVariable(variable);
    if (value == null || !allowed.contains(value.toString())) {
      throw InvalidInputException.of(variable, "must be one of %s, got %s".formatted(allowed, value));
    }
  }

  public void requireBoolean(DelegateTask task, String variable) {
    if (!(task.getVariable(variable) instanceof Boolean)) {
      throw InvalidInputException.of(variable, "must be a boolean");
    }
  }
}
