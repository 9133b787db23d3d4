package ru.mos.localisation.webapps;

import static ru.mos.localisation.process.ProcessVariables.INVESTOR_NAME;
import static ru.mos.localisation.process.ProcessVariables.REQUEST_NUMBER;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.TaskCreateListeners;

/**
 * Puts the registry number and the investor's name on every user task as task-local variables,
 * so that Tasklist shows them on the task cards of officials.
 *
 * <p>Why a copy: Tasklist fetches a card's variables with a variable-instance query, which the
 * engine authorizes per variable — a process variable needs READ on the process instance (or
 * READ_INSTANCE on its definition), a task variable READ on the task. Officials hold READ only on
 * their group's tasks (Camunda grants it to the candidate group), so the process variables stay
 * hidden from them and the cards stay empty. Granting READ on the instances would show them every
 * request's data; the two values on the task show them what the card needs and nothing more.
 */
@Component
public class TaskCardVariables extends AbstractProcessEnginePlugin {

  static final List<String> NAMES = List.of(REQUEST_NUMBER, INVESTOR_NAME);

  private static final TaskListener COPY_TO_TASK =
      task -> NAMES.forEach(name -> copyToTask(task, name));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskCreateListeners.add(configuration, task -> true, COPY_TO_TASK);
  }

  private static void copyToTask(DelegateTask task, String name) {
    TypedValue value = task.getVariableTyped(name);
    if (value != null && value.getValue() != null) {
      task.setVariableLocal(name, value);
    }
  }
}
