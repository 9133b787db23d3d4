package ru.mos.localisation.outcome;

import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_COMMENT;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Оформить отказ»: closes the request as rejected and tells the investor, with the officials' reason. */
@Component("rejectRequest")
public class RejectRequestDelegate implements JavaDelegate {

  private final OutcomeService outcomes;

  public RejectRequestDelegate(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outcomes.reject(
        execution.getProcessBusinessKey(),
        new RejectionGrounds(
            text(execution, ASSESSMENT_DECISION),
            text(execution, ASSESSMENT_COMMENT),
            text(execution, ENVIRONMENTAL_DECISION),
            text(execution, ENVIRONMENTAL_CONDITIONS),
            text(execution, FINAL_DECISION),
            text(execution, FINAL_COMMENT)));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
