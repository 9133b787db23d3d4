package ru.mos.localisation.forms;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.TaskCreateListeners;
import ru.mos.localisation.screening.ScreeningService;
import ru.mos.localisation.screening.ScreeningVariables;

/**
 * Every user task, whatever its model: when it is created its form's texts are computed
 * ({@link TaskFormFacts}) and kept as task-local variables the form shows; when it is completed
 * the official's decision is recorded with who took it ({@link OfficialDecisions}), and a
 * screening review's reason goes onto the request's timeline. Built-in listeners: they run even
 * where custom listeners are skipped, in the transaction of the engine command.
 *
 * <p>The work is the application's, not the official's: it runs without the official's
 * authorization checks (the board's form names who holds the department's task, which the board
 * may not read itself). Beans come late through providers, since the plugin is needed before the
 * engine exists.
 */
@Component
public class TaskFormListeners extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskFormFacts> facts;
  private final ObjectProvider<OfficialDecisions> decisions;
  private final ObjectProvider<ScreeningService> screening;

  public TaskFormListeners(
      ObjectProvider<TaskFormFacts> facts,
      ObjectProvider<OfficialDecisions> decisions,
      ObjectProvider<ScreeningService> screening) {
    this.facts = facts;
    this.decisions = decisions;
    this.screening = screening;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskCreateListeners.add(
        configuration, task -> true, TaskListener.EVENTNAME_CREATE, task -> withoutAuthorization(() -> showFacts(task)));
    TaskCreateListeners.add(
        configuration, task -> true, TaskListener.EVENTNAME_COMPLETE, task -> withoutAuthorization(() -> recordDecision(task)));
  }

  private void showFacts(DelegateTask task) {
    for (Map.Entry<String, String> text : facts.getObject().of(task).entrySet()) {
      task.setVariableLocal(text.getKey(), text.getValue());
    }
  }

  private void recordDecision(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    DecisionWords.Words words = DecisionWords.of(task.getTaskDefinitionKey(), task);
    if (number == null || words == null) {
      return;
    }
    String official = official(task);
    decisions.getObject().record(
        number, task.getTaskDefinitionKey(), task.getName(), words.outcome(), words.comment(), official, nameOf(task, official));
    if ("Task_ReviewScreeningHit".equals(task.getTaskDefinitionKey())) {
      screening.getObject().reviewed(number, words.outcome(), (String) task.getVariable(ScreeningVariables.SCREENING_REASON), official);
    }
  }

  /** Who completes the task: the authenticated user of the command, else its assignee. */
  private static String official(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }

  private static String nameOf(DelegateTask task, String userId) {
    if (userId == null) {
      return null;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return null;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " " + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? null : name;
  }

  private static void withoutAuthorization(Runnable work) {
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              work.run();
              return null;
            });
  }
}
