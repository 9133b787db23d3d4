package ru.mos.localisation.intake;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;
import static ru.mos.localisation.intake.IntakeVariables.SUBMITTED_BY;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
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

  public IntakeService(RuntimeService runtimeService, RequestRegistry registry) {
    this.runtimeService = runtimeService;
    this.registry = registry;
  }

  public Submission submit(NewLocalisationRequest request, String investorUserId) {
    for (int attempt = 1; ; attempt++) {
      Optional<LocalisationRequest> existing =
          registry.findByExternalReference(investorUserId, request.externalReference());
      if (existing.isPresent()) {
        return Submission.existing(existing.get());
      }
      try {
        ProcessInstance instance =
            runtimeService
                .createProcessInstanceByKey(PROCESS_KEY)
                // transient: registration reads it in this transaction, nothing stores the payload
                .setVariable(REQUEST, Variables.objectValue(request, true).create())
                .setVariable(SUBMITTED_BY, investorUserId)
                .execute();
        return Submission.created(registry.get(instance.getBusinessKey()));
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
