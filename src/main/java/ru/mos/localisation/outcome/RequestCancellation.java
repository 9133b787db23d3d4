package ru.mos.localisation.outcome;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry true however a request's process ends. Every path of the model records its
 * outcome before its end event; a process that ends with the request still in progress was
 * cancelled or deleted from outside (Cockpit, REST, a deleted deployment), and the request becomes
 * {@code CANCELLED}: reservation released, investor told.
 *
 * <p>It listens to the engine's history event of the process end, which Camunda's Spring Boot
 * starter publishes in the engine's transaction: unlike an execution listener, it cannot be
 * skipped with {@code skipCustomListeners}.
 */
@Component
public class RequestCancellation {

  private static final int MAX_REASON = 500;

  private final OutcomeService outcomes;

  public RequestCancellation(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @EventListener
  public void onProcessEnd(HistoricProcessInstanceEventEntity event) {
    if (!event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
        || !PROCESS_KEY.equals(event.getProcessDefinitionKey())
        || event.getBusinessKey() == null) {
      return;
    }
    outcomes.cancel(event.getBusinessKey(), reason(event));
  }

  private static String reason(HistoricProcessInstanceEventEntity event) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    String reason = event.getDeleteReason() == null ? "no reason given" : event.getDeleteReason();
    // the timeline keeps up to 1,000 characters; a caller may send any length
    reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    return user == null ? reason : "%s (%s)".formatted(reason, user);
  }
}
