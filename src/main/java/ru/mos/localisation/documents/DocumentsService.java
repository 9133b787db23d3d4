package ru.mos.localisation.documents;


import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.NotificationType;
import ru.mos.localisation.process.Deadlines;
import ru.mos.localisation.process.InvestorMessages;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;

/** The documents stage: completeness, asking the investor for more, and closing on silence. */
@Service
public class DocumentsService {

  private final RequestRegistry registry;
  private final CompletenessPolicy policy;
  private final InvestorNotifications notifications;
  private final InvestorMessages messages;

  public DocumentsService(
      RequestRegistry registry,
      CompletenessPolicy policy,
      InvestorNotifications notifications,
      InvestorMessages messages) {
    this.registry = registry;
    this.policy = policy;
    this.notifications = notifications;
    this.messages = messages;
  }

  /**
   * Adds newly supplied documents to the request and works out what is still missing. The stage
   * is the model's to move (its stage listeners), not this check's.
   *
   * @return the documents still missing, empty when complete
   */
  public List<DocumentType> check(String number, List<DocumentType> supplied) {
    LocalisationRequest request = registry.get(number);
    Set<DocumentType> documents = new LinkedHashSet<>(request.documents());
    documents.addAll(supplied);
    List<DocumentType> missing =
        policy.missing(request.sector(), request.hazardClass(), documents);
    registry.updateDocuments(number, documents, missing);
    if (!supplied.isEmpty()) {
      registry.addEvent(number, "DOCUMENTS_SUPPLIED", join(supplied));
    }
    return missing;
  }

  public void requestMissing(String number) {
    LocalisationRequest request = registry.get(number);
    String missing = join(request.missingDocuments());
    notifications.notify(
        request,
        NotificationType.DOCUMENTS_MISSING,
        "Request %s: documents missing".formatted(number),
        "Please supply within %d days: %s.".formatted(Deadlines.DOCUMENTS_SUPPLY.getDays(), missing));
    registry.addEvent(number, "DOCUMENTS_REQUESTED", missing);
  }

  public void closeNotSupplied(String number) {
    LocalisationRequest request = registry.get(number);
    registry.finish(number, RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED, join(request.missingDocuments()));
    notifications.notify(
        request,
        NotificationType.CLOSED_DOCUMENTS_NOT_SUPPLIED,
        "Request %s closed".formatted(number),
        "The request was closed because the missing documents were not supplied within %d days."
            .formatted(Deadlines.DOCUMENTS_SUPPLY.getDays()));
  }

  /** The investor supplies documents: resumes a request that waits for them. */
  public void supply(String number, List<DocumentType> documents) {
    messages.documentsSupplied(number, join(documents));
  }

  private static String join(List<DocumentType> documents) {
    return documents.stream().map(Enum::name).collect(Collectors.joining(","));
  }
}
