package ru.mos.localisation.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request's page: its register row, the timeline of every step and the paths its processes took.
 *
 * @param request the register's row
 * @param timeline every step, oldest first: the registry's events, officials' tasks with their
 *     decisions, comments
 * @param paths one per process instance (the request's, its site allocations'), for the diagrams
 */
public record RequestFile(RegisterRow request, List<Step> timeline, List<Path> paths) {

  /** What a step is. */
  public enum Kind {
    /** An event of the registry (stage, outcome, documents, site …). */
    EVENT,
    /** An official's task: completed, cancelled, or waiting. */
    TASK,
    /** A comment an official wrote on a task. */
    COMMENT
  }

  /**
   * One step: when, who, what, and for a task the values the official set.
   *
   * @param actor the user who took the step, null for the system's own
   */
  public record Step(OffsetDateTime at, Kind kind, String title, String actor, String detail, List<Field> fields) {}

  /** A value an official set, named and told in Russian. */
  public record Field(String name, String label, String value) {}

  /**
   * The path of one process instance.
   *
   * @param passed every activity it went through, in order (ids repeat for loops)
   * @param active the activities it waits in now
   */
  public record Path(
      String processInstanceId, String processDefinitionId, String processDefinitionKey, List<String> passed, List<String> active) {}
}
