package ru.mos.localisation.webapps;

import static ru.mos.localisation.process.ProcessVariables.INVESTOR_NAME;
import static ru.mos.localisation.process.ProcessVariables.PRIORITY;
import static ru.mos.localisation.process.ProcessVariables.REQUEST_NUMBER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.TaskCreateListeners;

/**
 * Puts the registry number, the investor's name and the priority (A, B or C, once the priority
 * decision has set it) on every user task as task-local variables, so that Tasklist shows them on
 * the task cards of officials; and makes the priority the task's own (A 80, B 50, C 20), by which
 * the filters sort tasks due the same day.
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

  static final List<String> NAMES = List.of(REQUEST_NUMBER, INVESTOR_NAME, PRIORITY);

  /** The task priority of each priority class; Camunda's default, 50, is B's. */
  static final Map<String, Integer> TASK_PRIORITY = Map.of("A", 80, "B", 50, "C", 20);

  private static final TaskListener COPY_TO_TASK =
      task -> {
        NAMES.forEach(name -> copyToTask(task, name));
        if (task.getVariable(PRIORITY) instanceof String priority && TASK_PRIORITY.containsKey(priority)) {
          task.setPriority(TASK_PRIORITY.get(priority));
        }
      };

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
