package ru.mos.localisation.webapps;

import static ru.mos.localisation.process.ProcessVariables.INVESTOR_NAME;
import static ru.mos.localisation.process.ProcessVariables.PRIORITY;
import static ru.mos.localisation.process.ProcessVariables.REQUEST_NUMBER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import ru.mos.localisation.webapps.WebappAuthorizations.Grant;

/**
 * The officials' Tasklist filters: one per group (its tasks, free and claimed), «Мои задачи» and
 * «Просроченные», in that order: Tasklist opens the first an official may read, their department's.
 * Each is readable only by the groups it serves, sorts by due date then priority,
 * and shows the registry number and the investor on every task card. Filters are found by name:
 * created when missing, brought back to this definition when present, never created twice.
 */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "Мои задачи";
  static final String OVERDUE = "Просроченные";
  /** The one shared filter of earlier versions, replaced by the filters per group. */
  static final String RETIRED_GROUP_TASKS = "Задачи моих групп";

  /** What a task card shows: the properties Tasklist's own «Create filter» dialog writes. */
  static final List<Map<String, String>> CARD_VARIABLES =
      List.of(
          Map.of("name", REQUEST_NUMBER, "label", "Номер заявки"),
          Map.of("name", INVESTOR_NAME, "label", "Инвестор"),
          Map.of("name", PRIORITY, "label", "Приоритет"));

  /** A filter as officials see it, and the groups that may read it. */
  record Definition(String name, String description, int priority, String color, TaskQuery query, List<String> readers) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final WebappAuthorizations authorizations;

  public TasklistFilters(FilterService filterService, TaskService taskService, WebappAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  List<Definition> definitions() {
    List<Definition> definitions = new ArrayList<>();
    definitions.add(
        new Definition(
            MY_TASKS,
            "Задачи, назначенные на вас",
            // after the departments' filters: an official lands on their department's work
            OfficialGroup.values().length,
            "#2a6ebb",
            sorted(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
            OfficialGroup.ids()));
    for (OfficialGroup group : OfficialGroup.values()) {
      definitions.add(
          new Definition(
              group.filterName(),
              "Задачи группы «" + group.filterName() + "»: свободные и взятые в работу",
              group.ordinal(),
              "#3d7a5c",
              sorted(taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks()),
              List.of(group.id())));
    }
    definitions.add(
        new Definition(
            OVERDUE,
            "Задачи ваших групп со сроком, который уже прошёл",
            10,
            "#c0392b",
            sorted(
                taskService
                    .createTaskQuery()
                    // the official's own groups even where authorizations would show more (administrators)
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .dueBeforeExpression("${now()}")),
            OfficialGroup.ids()));
    return List.copyOf(definitions);
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  /** Creates or updates every filter and grants its readers READ; removes the retired filter. */
  public void createOrUpdate() {
    for (Filter retired : filterService.createFilterQuery().filterName(RETIRED_GROUP_TASKS).list()) {
      // deleting a filter deletes its authorizations too
      filterService.deleteFilter(retired.getId());
    }
    for (Definition definition : definitions()) {
      Filter filter = existing(definition.name());
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name());
      }
      filter.setQuery(definition.query()).setProperties(properties(definition));
      filter = filterService.saveFilter(filter);
      for (String groupId : definition.readers()) {
        authorizations.grant(new Grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ));
      }
    }
  }

  /** The filter of that name; duplicates, should an earlier start-up have left any, are deleted. */
  private Filter existing(String name) {
    List<Filter> filters = filterService.createFilterQuery().filterName(name).orderByFilterId().asc().list();
    filters.stream().skip(1).forEach(duplicate -> filterService.deleteFilter(duplicate.getId()));
    return filters.isEmpty() ? null : filters.get(0);
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    properties.put("showUndefinedVariable", false);
    return properties;
  }
}
