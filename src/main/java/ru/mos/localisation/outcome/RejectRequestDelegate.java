package ru.mos.localisation.outcome;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Оформить отказ»: closes the request as rejected and tells the investor. */
@Component("rejectRequest")
public class RejectRequestDelegate implements JavaDelegate {

  private final OutcomeService outcomes;

  public RejectRequestDelegate(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outcomes.reject(execution.getProcessBusinessKey());
  }
}
