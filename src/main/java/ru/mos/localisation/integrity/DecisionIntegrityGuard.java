package ru.mos.localisation.integrity;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.variable.Variables;
import ru.mos.localisation.intake.DuplicateRequestException;
import ru.mos.localisation.intake.FiledRequests;
import ru.mos.localisation.intake.StartFormFields;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.InvalidInputException.FieldViolation;

/**
 * The one rule every door passes through. A command a user issues — an authenticated caller of
 * {@code /engine-rest}, of the webapps' {@code /camunda/api/engine} or of a Tasklist form, as
 * opposed to the application's own work (investor API, delegates, job executor), which runs
 * without an engine user — may change a request only
 *
 * <ul>
 *   <li>by starting {@code localisation-request} at its start event with the request as its only
 *       input: no start instructions, no skipped listeners or input/output mappings, and no
 *       business key, since the registry number comes from registration (400);
 *   <li>by completing a task, or submitting its form, with that task's own fields ({@link
 *       TaskFields}) as plain values or JSON; anything else is refused naming the variable (400);
 *   <li>by the engine's housekeeping: claiming and assigning tasks, comments, retrying jobs,
 *       suspending, and cancelling a request (the registry follows, see {@code
 *       RequestCancellation}).
 * </ul>
 *
 * Everything else that would change a request's course is refused (403): writing or removing
 * variables outside a completion; messages and signals (the investor's answers come only through
 * the investor API); moving tokens (modification, restart, migration, BPMN errors and escalations
 * thrown from a task, conditional starts); changing job due dates, deleting jobs or running a timer
 * before it is due; and, unless an
 * operator switches them on, deployments. Whoever asks, a called site allocation is cancelled
 * only together with its request.
 *
 * <p>It runs inside the command context (a post-interceptor), so that it can read the task a
 * completion names, and only on the outermost command of a call: the commands that the engine and
 * the application's delegates issue while carrying out an allowed one are theirs, not the user's.
 */
public class DecisionIntegrityGuard extends CommandInterceptor {

  private static final String VARIABLES_REFUSED =
      "A request's variables are set only by completing one of its tasks with that task's own fields";
  private static final String MESSAGES_REFUSED =
      "Messages and signals to a request come only from its investor, through the investor API";
  private static final String COURSE_REFUSED =
      "A request moves only along its model: it cannot be modified, restarted, migrated or"
          + " diverted; cancel it instead";
  private static final String JOBS_REFUSED =
      "Deadlines and pending steps belong to the model: a job may be retried, not moved, deleted or run before it is due";
  private static final String DEPLOYMENTS_REFUSED =
      "Deployments are switched off on this server (localisation.integrity.deployments-enabled)";

  /** Commands no user may issue, with the reason the refusal gives. */
  private static final Map<Class<?>, String> REFUSED =
      Map.ofEntries(
          Map.entry(AbstractSetVariableCmd.class, VARIABLES_REFUSED),
          Map.entry(AbstractRemoveVariableCmd.class, VARIABLES_REFUSED),
          Map.entry(AbstractPatchVariablesCmd.class, VARIABLES_REFUSED),
          Map.entry(SetVariablesToProcessInstancesBatchCmd.class, VARIABLES_REFUSED),
          Map.entry(AbstractCorrelateMessageCmd.class, MESSAGES_REFUSED),
          Map.entry(CorrelateAllMessageBatchCmd.class, MESSAGES_REFUSED),
          Map.entry(MessageEventReceivedCmd.class, MESSAGES_REFUSED),
          Map.entry(SignalCmd.class, MESSAGES_REFUSED),
          Map.entry(SignalEventReceivedCmd.class, MESSAGES_REFUSED),
          Map.entry(ModifyProcessInstanceCmd.class, COURSE_REFUSED),
          Map.entry(ModifyProcessInstanceAsyncCmd.class, COURSE_REFUSED),
          Map.entry(ProcessInstanceModificationBatchCmd.class, COURSE_REFUSED),
          Map.entry(RestartProcessInstancesCmd.class, COURSE_REFUSED),
          Map.entry(RestartProcessInstancesBatchCmd.class, COURSE_REFUSED),
          Map.entry(MigrateProcessInstanceCmd.class, COURSE_REFUSED),
          Map.entry(MigrateProcessInstanceBatchCmd.class, COURSE_REFUSED),
          Map.entry(SetProcessDefinitionVersionCmd.class, COURSE_REFUSED),
          Map.entry(HandleTaskBpmnErrorCmd.class, COURSE_REFUSED),
          Map.entry(HandleTaskEscalationCmd.class, COURSE_REFUSED),
          Map.entry(EvaluateStartConditionCmd.class, COURSE_REFUSED),
          Map.entry(SetJobDuedateCmd.class, JOBS_REFUSED),
          Map.entry(RecalculateJobDuedateCmd.class, JOBS_REFUSED),
          Map.entry(DeleteJobCmd.class, JOBS_REFUSED),
          Map.entry(DeleteJobsCmd.class, JOBS_REFUSED));

  /** The commands that change what is deployed, behind the operator's switch. */
  private static final List<Class<?>> REPOSITORY_CHANGES =
      List.of(DeployCmd.class, DeleteDeploymentCmd.class, AbstractDeleteProcessDefinitionCmd.class);

  private static final FieldViolation BUSINESS_KEY_CHOSEN =
      new FieldViolation("businessKey", "is the registry number, which registration assigns; a start may not choose it");

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final boolean deploymentsEnabled;
  private final FiledRequests filedRequests;

  public DecisionIntegrityGuard(IntegrityProperties properties, FiledRequests filedRequests) {
    this.deploymentsEnabled = properties.deploymentsEnabled();
    this.filedRequests = filedRequests;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    boolean outermost = depth[0]++ == 0;
    try {
      CommandContext context = Context.getCommandContext();
      Authentication user = context.getAuthentication();
      if (outermost && user != null && user.getUserId() != null) {
        checkUserCommand(command, context);
      }
      checkCancellation(command, context);
      return next.execute(command);
    } finally {
      if (--depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  private void checkUserCommand(Command<?> command, CommandContext context) {
    if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      // the latter is a start with instructions, which checkStart refuses naming them
      checkStart(CommandFields.read(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class), context);
    } else if (command instanceof SubmitStartFormCmd form) {
      checkStartedProcess(definition(context, CommandFields.read(form, "processDefinitionId", String.class)));
      checkNoBusinessKey(CommandFields.read(form, "businessKey", String.class));
      checkVariables(
          CommandFields.read(form, "variables", VariableMap.class), Set.copyOf(StartFormFields.NAMES), "the start form");
    } else if (command instanceof CompleteTaskCmd completion) {
      // ResolveTaskCmd (a delegated task handed back) is one too
      checkCompletion(
          CommandFields.read(completion, "taskId", String.class),
          CommandFields.read(completion, "variables", Map.class),
          context);
    } else if (command instanceof SubmitTaskFormCmd form) {
      checkCompletion(
          CommandFields.read(form, "taskId", String.class),
          CommandFields.read(form, "properties", VariableMap.class),
          context);
    } else if (command instanceof ExecuteJobsCmd execution) {
      checkJobIsDue(CommandFields.read(execution, "jobId", String.class), context);
    } else if (command instanceof DeleteProcessInstanceBatchCmd batch
        && CommandFields.read(batch, "skipSubprocesses", Boolean.class)) {
      throw skippedSubprocesses();
    } else if (!deploymentsEnabled && REPOSITORY_CHANGES.stream().anyMatch(type -> type.isInstance(command))) {
      throw new AuthorizationException(DEPLOYMENTS_REFUSED);
    } else {
      for (var refused : REFUSED.entrySet()) {
        if (refused.getKey().isInstance(command)) {
          throw new AuthorizationException(refused.getValue());
        }
      }
    }
  }

  private void checkStart(ProcessInstantiationBuilderImpl start, CommandContext context) {
    String key = start.getProcessDefinitionKey();
    if (key == null) {
      ProcessDefinitionEntity definition = definition(context, start.getProcessDefinitionId());
      key = definition == null ? null : definition.getKey();
    }
    if (key != null && !PROCESS_KEY.equals(key)) {
      throw notStartedByUsers(key);
    }
    ProcessInstanceModificationBuilderImpl options = start.getModificationBuilder();
    List<FieldViolation> violations = new ArrayList<>();
    if (start.getBusinessKey() != null && !start.getBusinessKey().isEmpty()) {
      violations.add(BUSINESS_KEY_CHOSEN);
    }
    if (!options.getModificationOperations().isEmpty()) {
      violations.add(new FieldViolation("startInstructions", "a request starts only at its start event"));
    }
    if (options.isSkipCustomListeners()) {
      violations.add(new FieldViolation("skipCustomListeners", "a request's listeners always run"));
    }
    if (options.isSkipIoMappings()) {
      violations.add(new FieldViolation("skipIoMappings", "a request's input/output mappings always run"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    // the request's own type and content are registration's to judge (a Json or String variable)
    checkNames(start.getVariables(), Set.of(REQUEST), "a start of " + PROCESS_KEY);
    // a request this account filed already: the same 409 registration would give, without the start
    if (start.getVariables() != null) {
      filedRequests
          .filedBefore(Variables.fromMap(start.getVariables()).getValueTyped(REQUEST), context.getAuthenticatedUserId())
          .ifPresent(reference -> {
            throw new DuplicateRequestException(reference);
          });
    }
  }

  private static void checkStartedProcess(ProcessDefinitionEntity definition) {
    if (definition != null && !PROCESS_KEY.equals(definition.getKey())) {
      throw notStartedByUsers(definition.getKey());
    }
  }

  private static AuthorizationException notStartedByUsers(String key) {
    return new AuthorizationException(
        "Only %s is started by users; %s runs as part of a request".formatted(PROCESS_KEY, key));
  }

  private static void checkNoBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isEmpty()) {
      throw new InvalidInputException(List.of(BUSINESS_KEY_CHOSEN));
    }
  }

  private static void checkCompletion(String taskId, Map<String, Object> variables, CommandContext context) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      // an unknown task is the command's own answer (404); a standalone task decides nothing
      return;
    }
    String where = "task «%s» (%s)".formatted(task.getName(), task.getTaskDefinitionKey());
    try {
      checkVariables(variables, TaskFields.of(task.getTaskDefinitionKey()), where);
    } catch (InvalidInputException refused) {
      // someone who may not work on the task gets the engine's answer (403) and learns nothing of
      // it; asked only here, so that an allowed completion meets the engine's own check alone
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      throw refused;
    }
  }

  /** Each variable must be one of the allowed names and hold a plain value or JSON. */
  private static void checkVariables(Map<String, Object> variables, Set<String> allowed, String where) {
    check(variables, allowed, where, true);
  }

  /** Each variable must be one of the allowed names. */
  private static void checkNames(Map<String, Object> variables, Set<String> allowed, String where) {
    check(variables, allowed, where, false);
  }

  private static void check(Map<String, Object> variables, Set<String> allowed, String where, boolean plainValues) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    List<FieldViolation> violations = new ArrayList<>();
    for (String name : variables.keySet()) {
      if (!allowed.contains(name)) {
        violations.add(
            new FieldViolation(name, "is not a field of %s, which sets only %s".formatted(where, allowed.stream().sorted().toList())));
      } else if (plainValues && !isPlain(variables, name)) {
        violations.add(new FieldViolation(name, "must be a text, number, boolean, date or JSON value"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /** Primitive values and JSON: never a serialized object, a file or bytes. */
  private static boolean isPlain(Map<String, Object> variables, String name) {
    // the value as it arrived: reading it through the map would deserialize it (and fail on junk)
    Object value = variables instanceof VariableMap map ? map.getValueTyped(name) : variables.get(name);
    ValueType type = value instanceof TypedValue typed ? typed.getType() : null;
    if (type == null) {
      Object raw = value instanceof TypedValue untyped ? untyped.getValue() : value;
      return raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Number || raw instanceof Date;
    }
    return (type.isPrimitiveValueType() && type != ValueType.BYTES) || "json".equals(type.getName());
  }

  /**
   * Running a job by hand retries a step that failed or is due; a timer that is not due yet (the
   * 30 days for documents, the 14 days of a site offer, an assessment deadline) runs when it is due.
   */
  private static void checkJobIsDue(String jobId, CommandContext context) {
    JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
    if (job != null && job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
      throw new AuthorizationException(JOBS_REFUSED);
    }
  }

  /**
   * Whoever asks, even a batch running in the job executor: a site allocation is a called part of
   * its request, cancelled with it; cancelling it alone would leave the request waiting for ever.
   */
  private static void checkCancellation(Command<?> command, CommandContext context) {
    List<String> ids;
    if (command instanceof DeleteProcessInstanceCmd deletion) {
      ids = List.of(CommandFields.read(deletion, "processInstanceId", String.class));
    } else if (command instanceof DeleteProcessInstancesCmd deletion) {
      @SuppressWarnings("unchecked")
      List<String> listed = CommandFields.read(deletion, "processInstanceIds", List.class);
      ids = listed == null ? List.of() : listed;
    } else {
      return;
    }
    if (CommandFields.read(command, "skipSubprocesses", Boolean.class)) {
      throw skippedSubprocesses();
    }
    for (String id : ids) {
      ExecutionEntity instance = id == null ? null : context.getExecutionManager().findExecutionById(id);
      if (instance != null && instance.getSuperExecutionId() != null) {
        throw InvalidInputException.of(
            "processInstanceId",
            "%s is the site allocation of request %s: cancel the request instead"
                .formatted(id, instance.getBusinessKey()));
      }
    }
  }

  private static InvalidInputException skippedSubprocesses() {
    return InvalidInputException.of(
        "skipSubprocesses", "a request's site allocation is cancelled together with the request");
  }

  /** The definition a start names, or null where the command itself will answer (unknown id). */
  private static ProcessDefinitionEntity definition(CommandContext context, String id) {
    if (id == null) {
      return null;
    }
    try {
      return context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id);
    } catch (ProcessEngineException e) {
      return null;
    }
  }
}
