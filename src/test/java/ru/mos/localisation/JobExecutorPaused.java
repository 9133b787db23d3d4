package ru.mos.localisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Pauses the job executor of a shared context for one test class, which runs the jobs itself (as
 * the executor would, one try at a time), and starts it again after the class.
 */
public final class JobExecutorPaused implements BeforeAllCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    JobExecutor executor = jobExecutor(context);
    executor.shutdown();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    jobExecutor(context).start();
  }

  private static JobExecutor jobExecutor(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }
}
