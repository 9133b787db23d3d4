package ru.mos.localisation.documents;

import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.mos.localisation.process.TaskCreateListeners;

/**
 * Puts a request's documents ({@link DocumentLinks}) on each task whose decision needs them, as the
 * task-local variable the form shows: when the task is created, and again when files arrive while
 * it is open. Task-local, like the card variables (webapps.TaskCardVariables): officials read their
 * task's variables, not the process instance's, and each task holds the list as of its own time.
 */
@Component
public class DocumentLinksOnTasks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentLinksOnTasks.class);

  /** The tasks whose forms list the documents. */
  static final Set<String> TASKS =
      Set.of(
          "Task_ConfirmMissingDocuments",
          "Task_ReviewScreeningHit",
          "Task_AssessRequest",
          "Task_ReviewEnvironmentalImpact",
          "Task_DecideFinalApproval");

  private final DocumentLinks links;
  private final TaskService tasks;
  private final TransactionTemplate newTransaction;

  public DocumentLinksOnTasks(DocumentLinks links, @Lazy TaskService tasks, PlatformTransactionManager transactions) {
    this.links = links;
    this.tasks = tasks;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskCreateListeners.add(
        configuration,
        TASKS::contains,
        task -> task.setVariableLocal(DocumentLinks.VARIABLE, links.markdown(task.getExecution().getProcessBusinessKey())));
  }

  /**
   * Files arrived for a request: once they are committed, its open tasks show them too. Best effort
   * in a transaction of its own: the files are stored whatever happens here, and a task completed
   * meanwhile needs no list.
   */
  public void refreshAfterCommit(String number) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      refresh(number);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              newTransaction.executeWithoutResult(status -> refresh(number));
            } catch (RuntimeException e) {
              LOG.info("Document list of the open tasks of request {} not refreshed: {}", number, e.toString());
            }
          }
        });
  }

  private void refresh(String number) {
    String markdown = links.markdown(number);
    tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKeyIn(TASKS.toArray(String[]::new)).list()
        .forEach(task -> tasks.setVariableLocal(task.getId(), DocumentLinks.VARIABLE, markdown));
  }
}
