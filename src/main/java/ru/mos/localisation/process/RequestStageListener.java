package ru.mos.localisation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;

/**
 * Keeps the registry's stage in step with the process. The model calls it as an execution
 * listener where a stage begins: {@code ${requestStages.enter(execution, 'ASSESSMENT')}}.
 */
@Component("requestStages")
public class RequestStageListener {

  private final RequestRegistry registry;

  public RequestStageListener(RequestRegistry registry) {
    this.registry = registry;
  }

  public void enter(DelegateExecution execution, String stage) {
    registry.moveTo(execution.getProcessBusinessKey(), RequestStage.valueOf(stage));
  }
}
