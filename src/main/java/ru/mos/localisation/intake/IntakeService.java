package ru.mos.localisation.intake;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;
import static ru.mos.localisation.intake.IntakeVariables.SUBMITTED_BY;

import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * Intake through the investor API: starts the process for a new request, or answers with the
 * request the same investor account already filed under the same external reference. Another
 * account's references are never looked at.
 */
@Service
public class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  /**
   * A lost race is followed by a look-up that finds the winner; more attempts only when the winner
   * had not committed yet (H2's lock timeout) or rolled back.
   */
  private static final int ATTEMPTS = 5;

  private final RuntimeService runtimeService;
  private final RequestRegistry registry;
  private final TransactionOperations transactions;

  @Autowired
  public IntakeService(
      RuntimeService runtimeService, RequestRegistry registry, PlatformTransactionManager transactionManager) {
    this(runtimeService, registry, new TransactionTemplate(transactionManager));
  }

  /** Without a database of its own: the start is the engine's transaction alone (unit tests). */
  public IntakeService(RuntimeService runtimeService, RequestRegistry registry) {
    this(runtimeService, registry, TransactionOperations.withoutTransaction());
  }

  private IntakeService(RuntimeService runtimeService, RequestRegistry registry, TransactionOperations transactions) {
    this.runtimeService = runtimeService;
    this.registry = registry;
    this.transactions = transactions;
  }

  public Submission submit(NewLocalisationRequest request, String investorUserId) {
    return submit(request, investorUserId, number -> {});
  }

  /**
   * Like {@link #submit(NewLocalisationRequest, String)}, and {@code withinStart} runs with the new
   * request's number in the transaction that starts it (its files are stored with it, or neither
   * is); an existing request is answered without it.
   */
  public Submission submit(NewLocalisationRequest request, String investorUserId, Consumer<String> withinStart) {
    for (int attempt = 1; ; attempt++) {
      Optional<LocalisationRequest> existing =
          registry.findByExternalReference(investorUserId, request.externalReference());
      if (existing.isPresent()) {
        return Submission.existing(existing.get());
      }
      try {
        String number =
            transactions.execute(
                status -> {
                  ProcessInstance instance =
                      runtimeService
                          .createProcessInstanceByKey(PROCESS_KEY)
                          // transient: registration reads it in this transaction, nothing stores the payload
                          .setVariable(REQUEST, Variables.objectValue(request, true).create())
                          .setVariable(SUBMITTED_BY, investorUserId)
                          .execute();
                  withinStart.accept(instance.getBusinessKey());
                  return instance.getBusinessKey();
                });
        return Submission.created(registry.get(number));
      } catch (RuntimeException e) {
        // a concurrent intake of the same reference by this account won the unique constraint;
        // ours rolled back, and the look-up above finds the winner
        if (attempt == ATTEMPTS || !isDuplicate(e)) {
          throw e;
        }
        LOG.debug("Concurrent intake of externalReference '{}' by {}: answering the existing request",
            request.externalReference(), investorUserId);
      }
    }
  }

  private static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateRequestException) {
        return true;
      }
    }
    return false;
  }

  /** The outcome of a submission: the request, and whether this call created it. */
  public record Submission(LocalisationRequest request, boolean created) {
    static Submission created(LocalisationRequest request) {
      return new Submission(request, true);
    }

    static Submission existing(LocalisationRequest request) {
      return new Submission(request, false);
    }
  }
}
