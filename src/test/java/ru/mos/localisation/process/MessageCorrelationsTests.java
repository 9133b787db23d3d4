package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.mos.localisation.process.MessageCorrelations.NotWaitingException;

/**
 * How a failed delivery is told to the investor. The engine's failures when another action wins
 * the race are seen on PostgreSQL in {@code ConcurrentActionsTests}, but only when the timing hits
 * them; here each one is made to happen.
 */
class MessageCorrelationsTests {

  private static final String NUMBER = "LOC-2026-00042";
  private static final String MESSAGE = ProcessVariables.MESSAGE_REQUEST_WITHDRAWN;

  private final RuntimeService runtimeService = mock(RuntimeService.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final ExecutionQuery waiting = mock(ExecutionQuery.class, RETURNS_SELF);
  private final MessageCorrelations correlations = new MessageCorrelations(runtimeService);

  @BeforeEach
  void engine() {
    given(runtimeService.createMessageCorrelation(MESSAGE)).willReturn(correlation);
    given(runtimeService.createExecutionQuery()).willReturn(waiting);
  }

  @Test
  void aRequestThatDoesNotWaitForTheMessageIsNotWaiting() {
    given(correlation.correlateWithResult()).willThrow(new MismatchingMessageCorrelationException(MESSAGE));

    assertThatThrownBy(this::withdraw).isInstanceOf(NotWaitingException.class);
  }

  @Test
  void aFailureAfterAnotherActionMovedTheProcessOnIsNotWaiting() {
    // what the engine says when a concurrent withdrawal ended the process between this one's reads
    given(correlation.correlateWithResult())
        .willThrow(new NullValueException("Cannot restore state of process instance 42: list of executions is empty"));
    given(waiting.count()).willReturn(0L);

    assertThatThrownBy(this::withdraw)
        .isInstanceOf(NotWaitingException.class)
        .hasMessage("Request %s is not waiting for %s", NUMBER, MESSAGE);
  }

  @Test
  void aFailureWhileTheProcessStillWaitsIsAFailure() {
    ProcessEngineException failure = new ProcessEngineException("something else went wrong");
    given(correlation.correlateWithResult()).willThrow(failure);
    given(waiting.count()).willReturn(1L);

    assertThatThrownBy(this::withdraw).isSameAs(failure);
  }

  @Test
  void aConcurrentChangeStaysAConcurrentChange() {
    OptimisticLockingException conflict = new OptimisticLockingException("updated by another transaction");
    given(correlation.correlateWithResult()).willThrow(conflict);

    assertThatThrownBy(this::withdraw).isSameAs(conflict);
  }

  private void withdraw() {
    correlations.correlate(NUMBER, MESSAGE, Map.of(ProcessVariables.WITHDRAWAL_REASON, "Postponed"));
  }
}
