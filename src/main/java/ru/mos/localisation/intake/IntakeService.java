package ru.mos.localisation.intake;

import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.process.ProcessVariables.REQUEST;
import static ru.mos.localisation.process.ProcessVariables.SUBMITTED_BY;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * Intake through the investor API: starts the process for a new request, or answers with the
 * request the investor already filed under the same external reference.
 */
@Service
public class IntakeService {

  private final RuntimeService runtimeService;
  private final RequestRegistry registry;

  public IntakeService(RuntimeService runtimeService, RequestRegistry registry) {
    this.runtimeService = runtimeService;
    this.registry = registry;
  }

  public Submission submit(NewLocalisationRequest request, String investorUserId) {
    Optional<LocalisationRequest> existing = findExisting(request);
    if (existing.isPresent()) {
      return Submission.existing(ownedBy(existing.get(), investorUserId));
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
      // a concurrent intake of the same request won the unique constraint; ours rolled back
      if (isDuplicate(e)) {
        return Submission.existing(ownedBy(findExisting(request).orElseThrow(() -> e), investorUserId));
      }
      throw e;
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

  private Optional<LocalisationRequest> findExisting(NewLocalisationRequest request) {
    return registry.findByExternalReference(
        request.investor().registrationNumber(), request.externalReference());
  }

  private static LocalisationRequest ownedBy(LocalisationRequest request, String investorUserId) {
    if (!investorUserId.equals(request.submittedBy())) {
      throw new ExternalReferenceTakenException(request.externalReference());
    }
    return request;
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
