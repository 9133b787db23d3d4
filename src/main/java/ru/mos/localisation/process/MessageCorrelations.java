package ru.mos.localisation.process;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.ConflictException;

/** Delivers investor messages to the request's process, found by its registry number. */
@Component
public class MessageCorrelations {

  private final RuntimeService runtimeService;

  public MessageCorrelations(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @throws NotWaitingException if the request does not wait for this message now */
  public void correlate(String number, String message, String variable, Object value) {
    correlate(number, message, Map.of(variable, value));
  }

  /** @throws NotWaitingException if the request does not wait for this message now */
  public void correlate(String number, String message, Map<String, Object> variables) {
    try {
      runtimeService
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(number)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(number, message);
    } catch (OptimisticLockingException e) {
      // the investor API answers that as a concurrent change (409)
      throw e;
    } catch (ProcessEngineException e) {
      // another action moved the process on between this one's reads (e.g. "list of executions is
      // empty"): when the process no longer waits for the message, that action won
      if (waitsFor(number, message)) {
        throw e;
      }
      throw new NotWaitingException(number, message);
    }
  }

  private boolean waitsFor(String number, String message) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(number)
            .messageEventSubscriptionName(message)
            .count()
        > 0;
  }

  /** The request exists but is not at a step that accepts this message. */
  public static class NotWaitingException extends ConflictException {
    public NotWaitingException(String number, String message) {
      super("Request %s is not waiting for %s".formatted(number, message));
    }
  }
}
