package ru.mos.localisation.outcome;

import static ru.mos.localisation.outcome.OutcomeVariables.AGREEMENT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Оформить одобрение заявки»: issues the investment agreement number and tells the investor. */
@Component("approveRequest")
public class ApproveRequestDelegate implements JavaDelegate {

  private final OutcomeService outcomes;

  public ApproveRequestDelegate(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(AGREEMENT_NUMBER, outcomes.approve(execution.getProcessBusinessKey()));
  }
}
