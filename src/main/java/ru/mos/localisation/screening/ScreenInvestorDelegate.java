package ru.mos.localisation.screening;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * «Проверить инвестора». A hit is a business outcome (BPMN error to compliance review); any
 * other exception is technical and left to the job's retries and, after them, an incident.
 */
@Component("screenInvestor")
public class ScreenInvestorDelegate implements JavaDelegate {

  /** Error code of {@code Error_ScreeningHit} in the model. */
  public static final String SCREENING_HIT = "SCREENING_HIT";

  private final ScreeningService screening;

  public ScreenInvestorDelegate(ScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (screening.screen(execution.getProcessBusinessKey())) {
      throw new BpmnError(SCREENING_HIT, "Investor is on the screening list");
    }
  }
}
