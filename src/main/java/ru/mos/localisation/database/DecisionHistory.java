package ru.mos.localisation.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;
import ru.mos.localisation.integrity.TaskFields;

/**
 * The history level {@value #NAME} ({@code camunda.bpm.history-level}): Camunda's {@code full}
 * history — process and activity instances, tasks with who and when, user operations, incidents,
 * every run of a job (the node that ran it, its success or its error), decision evaluations with
 * inputs and outputs, and the fields officials decide ({@link TaskFields}) with every value they
 * took, when and in which task — without the rows no official or auditor reads:
 *
 * <ul>
 *   <li>technical variables ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}): the request's data is
 *       the registry's ({@code localisation_request}, its timeline {@code request_event}), the
 *       priority decision's inputs and outputs are in the decision history, the rest is the
 *       process's working state;
 *   <li>the copies on each task for Tasklist's cards and forms (registry number, investor,
 *       documents list): task-local variables;
 *   <li>the creation and deletion of jobs in the job log ({@code ACT_HI_JOB_LOG}), such as a
 *       deadline's timer that never fired.
 * </ul>
 *
 * <p>It has the id of {@code full} (3): a database written at {@code full} runs at this level and
 * back without a change, and Camunda's own history level check is content. With the removal time
 * computed at the start ({@code historyRemovalTimeStrategy: start}) this halves the rows a request's
 * lifecycle writes (README, Performance).
 */
@Component
public class DecisionHistory extends AbstractProcessEnginePlugin {

  public static final String NAME = "full-decisions";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new Level(decisionFields()));
    configuration.setCustomHistoryLevels(levels);
  }

  static Set<String> decisionFields() {
    return TaskFields.all().values().stream().flatMap(Collection::stream).collect(Collectors.toUnmodifiableSet());
  }

  /** Full history without the rows above. */
  static final class Level extends AbstractHistoryLevel {

    private static final Set<HistoryEventType> QUIET_JOB_EVENTS =
        Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE);
    private static final Set<HistoryEventType> VARIABLE_EVENTS =
        Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

    private final Set<String> decisionFields;

    Level(Set<String> decisionFields) {
      this.decisionFields = decisionFields;
    }

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (QUIET_JOB_EVENTS.contains(eventType)) {
        return false;
      }
      if (!VARIABLE_EVENTS.contains(eventType)) {
        return true;
      }
      Variable variable = Variable.of(entity);
      // a decision field set on the process (as completions do), not a copy on a task
      return variable == null || (variable.taskId() == null && decisionFields.contains(variable.name()));
    }
  }

  /** A variable as the engine hands it to the history level: runtime, historic or an update event. */
  private record Variable(String name, String taskId) {
    static Variable of(Object entity) {
      if (entity instanceof VariableInstance variable) {
        return new Variable(variable.getName(), variable.getTaskId());
      }
      if (entity instanceof HistoricVariableUpdateEventEntity update) {
        return new Variable(update.getVariableName(), update.getTaskId());
      }
      if (entity instanceof HistoricVariableInstance variable) {
        return new Variable(variable.getName(), variable.getTaskId());
      }
      return null;
    }
  }
}
