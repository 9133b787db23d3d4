package ru.mos.localisation.outcome;

import static ru.mos.localisation.process.ProcessVariables.WITHDRAWAL_REASON;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Оформить отзыв заявки»: releases any reservation, closes the request, tells the investor. */
@Component("withdrawRequest")
public class WithdrawRequestDelegate implements JavaDelegate {

  private final OutcomeService outcomes;

  public WithdrawRequestDelegate(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outcomes.withdraw(
        execution.getProcessBusinessKey(), Objects.toString(execution.getVariable(WITHDRAWAL_REASON), null));
  }
}
