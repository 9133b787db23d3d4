package ru.mos.localisation.webapps;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets up what officials need in the webapps — authorizations and Tasklist filters — whenever the
 * application starts, in every profile. Idempotent, and safe when several nodes of a cluster start
 * at once: the set-up runs in one transaction that first takes the engine's start-up lock, so a
 * second node waits and then finds everything in place.
 */
@Component
public class TasklistSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistSetup.class);

  /** Locks the engine's {@code startup.lock} row in ACT_GE_PROPERTY until the transaction ends. */
  private static final Command<Void> STARTUP_LOCK =
      commandContext -> {
        commandContext.getPropertyManager().acquireExclusiveLockForStartup();
        return null;
      };

  private final ProcessEngine processEngine;
  private final TransactionTemplate transaction;
  private final WebappAuthorizations authorizations;
  private final TasklistFilters filters;

  public TasklistSetup(
      ProcessEngine processEngine,
      PlatformTransactionManager transactionManager,
      WebappAuthorizations authorizations,
      TasklistFilters filters) {
    this.processEngine = processEngine;
    this.transaction = new TransactionTemplate(transactionManager);
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @EventListener
  public void onPostDeploy(PostDeployEvent event) {
    run();
  }

  /** Grants the officials' authorizations and creates or updates their filters. */
  public void run() {
    transaction.executeWithoutResult(
        status -> {
          ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
              .getCommandExecutorTxRequired()
              .execute(STARTUP_LOCK);
          authorizations.grantOfficials();
          filters.createOrUpdate();
        });
    LOG.info("Tasklist ready: authorizations and filters of {} official groups", OfficialGroup.values().length);
  }
}
