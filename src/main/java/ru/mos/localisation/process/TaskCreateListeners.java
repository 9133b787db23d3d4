package ru.mos.localisation.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a listener to the creation (or another event) of user tasks of every deployed model, from a
 * process engine plugin's {@code preInit}: for what each task carries for Tasklist, set by the
 * application rather than drawn into every model.
 */
public final class TaskCreateListeners {

  private TaskCreateListeners() {}

  /** On the creation of every user task whose activity id {@code tasks} accepts. */
  public static void add(ProcessEngineConfigurationImpl configuration, Predicate<String> tasks, TaskListener listener) {
    add(configuration, tasks, TaskListener.EVENTNAME_CREATE, listener);
  }

  /**
   * On an event ({@link TaskListener#EVENTNAME_CREATE}, {@link TaskListener#EVENTNAME_COMPLETE}, …)
   * of every user task whose activity id {@code tasks} accepts.
   */
  public static void add(
      ProcessEngineConfigurationImpl configuration, Predicate<String> tasks, String eventName, TaskListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (tasks.test(activity.getId())) {
              // built-in: runs even where custom listeners are skipped (process instance modification)
              ((UserTaskActivityBehavior) activity.getActivityBehavior())
                  .getTaskDefinition()
                  .addBuiltInTaskListener(eventName, listener);
            }
          }
        });
  }
}
