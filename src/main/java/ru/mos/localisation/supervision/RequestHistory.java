package ru.mos.localisation.supervision;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.mos.localisation.shared.NotFoundException;
import ru.mos.localisation.supervision.RequestFile.Field;
import ru.mos.localisation.supervision.RequestFile.Kind;
import ru.mos.localisation.supervision.RequestFile.Path;
import ru.mos.localisation.supervision.RequestFile.Step;

/**
 * A request's whole story for the board: the registry's timeline ({@code request_event}, with who
 * took a step where the registry records it), the engine's history of its process instances (the
 * request's and its site allocations', found by the registry number as business key): every
 * official's task with who did it, when, and the values set on completing it; every comment; and
 * the activities each instance passed. The engine keeps history for each model's time to live;
 * the registry's timeline stays.
 */
@Service
public class RequestHistory {

  /** Longer values (a plan, a comment) are cut here: the page shows a timeline, not documents. */
  static final int MAX_VALUE_LENGTH = 500;

  private final SupervisionRegister register;
  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final TaskService taskService;

  public RequestHistory(SupervisionRegister register, JdbcClient jdbc, HistoryService historyService, TaskService taskService) {
    this.register = register;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.taskService = taskService;
  }

  public RequestFile of(String number) {
    RegisterRow row = register.find(number).orElseThrow(() -> new NotFoundException("Заявка " + number + " не найдена"));
    List<HistoricProcessInstance> instances =
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).orderByProcessInstanceStartTime().asc().list();
    List<Step> timeline = new ArrayList<>(registryEvents(number));
    List<Path> paths = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      timeline.addAll(tasks(instance.getId()));
      timeline.addAll(comments(instance.getId()));
      paths.add(path(instance));
    }
    timeline.sort(Comparator.comparing(Step::at));
    return new RequestFile(row, List.copyOf(timeline), List.copyOf(paths));
  }

  private List<Step> registryEvents(String number) {
    return jdbc.sql("SELECT * FROM request_event WHERE request_number = ? ORDER BY id")
        .param(number)
        .query((rs, n) -> event(rs))
        .list();
  }

  private static Step event(ResultSet rs) throws SQLException {
    String type = rs.getString("type");
    return new Step(
        rs.getObject("occurred_at", OffsetDateTime.class), Kind.EVENT, Labels.event(type), actor(rs),
        Labels.detail(type, rs.getString("detail")), List.of());
  }

  /** Who took the step, where the registry records it (its {@code actor} column, from migration V6 on). */
  private static String actor(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if ("actor".equalsIgnoreCase(meta.getColumnLabel(i))) {
        return rs.getString(i);
      }
    }
    return null;
  }

  private List<Step> tasks(String processInstanceId) {
    Map<String, List<HistoricVariableUpdate>> setOnCompletion =
        historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list().stream()
            // the values set on the process by completing a task; not the task's own copies (its card)
            .filter(detail -> detail.getActivityInstanceId() != null && detail.getTaskId() == null)
            .map(HistoricVariableUpdate.class::cast)
            .collect(Collectors.groupingBy(HistoricDetail::getActivityInstanceId));
    // who completed a task they had not claimed: the task keeps no assignee, the operation log the user
    Map<String, String> completedBy =
        historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
            .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
            .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId, (first, second) -> first));
    List<Step> steps = new ArrayList<>();
    for (HistoricTaskInstance task :
        historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (task.getEndTime() == null) {
        String waiting = task.getAssignee() != null ? "в работе у " + task.getAssignee() : "ожидает исполнителя";
        String due = task.getDueDate() != null ? "; срок " + at(task.getDueDate()).toLocalDate() : "";
        steps.add(new Step(at(task.getStartTime()), Kind.TASK, "Задача «" + task.getName() + "»: " + waiting + due, task.getAssignee(), null, List.of()));
      } else if ("completed".equals(task.getDeleteReason())) {
        List<Field> fields =
            setOnCompletion.getOrDefault(task.getActivityInstanceId(), List.of()).stream()
                .map(update -> field(update.getVariableName(), update.getValue()))
                .toList();
        String actor = task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
        steps.add(new Step(at(task.getEndTime()), Kind.TASK, "Задача «" + task.getName() + "» выполнена", actor, null, fields));
      } else {
        steps.add(new Step(at(task.getEndTime()), Kind.TASK, "Задача «" + task.getName() + "» снята", task.getAssignee(), null, List.of()));
      }
    }
    return steps;
  }

  private List<Step> comments(String processInstanceId) {
    List<Step> steps = new ArrayList<>();
    for (Comment comment : taskService.getProcessInstanceComments(processInstanceId)) {
      steps.add(new Step(at(comment.getTime()), Kind.COMMENT, "Комментарий", comment.getUserId(), cut(comment.getFullMessage()), List.of()));
    }
    return steps;
  }

  private Path path(HistoricProcessInstance instance) {
    List<HistoricActivityInstance> activities =
        historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    return new Path(
        instance.getId(),
        instance.getProcessDefinitionId(),
        instance.getProcessDefinitionKey(),
        activities.stream().map(HistoricActivityInstance::getActivityId).toList(),
        activities.stream().filter(activity -> activity.getEndTime() == null).map(HistoricActivityInstance::getActivityId).toList());
  }

  private static Field field(String name, Object value) {
    String text = value == null ? "" : Labels.value(String.valueOf(value));
    return new Field(name, Labels.variable(name), cut(text));
  }

  private static String cut(String text) {
    return text == null || text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
  }

  private static OffsetDateTime at(Date date) {
    return date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }
}
