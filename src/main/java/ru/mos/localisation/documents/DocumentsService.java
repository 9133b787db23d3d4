package ru.mos.localisation.documents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.process.Deadlines;
import ru.mos.localisation.process.InvestorMessages;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;

/** The documents stage: completeness, asking the investor for more, and closing on silence. */
@Service
public class DocumentsService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentsService.class);

  private final RequestRegistry registry;
  private final CompletenessPolicy policy;
  private final InvestorNotifications notifications;
  private final InvestorMessages messages;
  private final DocumentStore store;
  private final PaperOriginals paperOriginals;
  private final DocumentLinksOnTasks linksOnTasks;
  private final DocumentsProperties properties;
  private final TransactionTemplate newTransaction;
  private final IdentityService identityService;

  public DocumentsService(
      RequestRegistry registry,
      CompletenessPolicy policy,
      InvestorNotifications notifications,
      InvestorMessages messages,
      DocumentStore store,
      PaperOriginals paperOriginals,
      DocumentLinksOnTasks linksOnTasks,
      DocumentsProperties properties,
      PlatformTransactionManager transactions,
      @Lazy IdentityService identityService) {
    this.registry = registry;
    this.policy = policy;
    this.notifications = notifications;
    this.messages = messages;
    this.store = store;
    this.paperOriginals = paperOriginals;
    this.linksOnTasks = linksOnTasks;
    this.properties = properties;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.identityService = identityService;
  }

  /**
   * Works out which documents the request has filed (see {@link #filed}) and what is still missing,
   * and records both. The stage is the model's to move (its stage listeners), not this check's.
   *
   * @param supplied the types a supply named (an upload's are stored already)
   * @return the documents still missing, empty when complete
   */
  public List<DocumentType> check(String number, List<DocumentType> supplied) {
    LocalisationRequest request = registry.get(number);
    Set<DocumentType> documents = filed(request, supplied);
    List<DocumentType> missing =
        policy.missing(request.sector(), request.hazardClass(), documents);
    registry.updateDocuments(number, documents, missing);
    if (!supplied.isEmpty()) {
      registry.addEvent(number, "DOCUMENTS_SUPPLIED", join(supplied));
    }
    return missing;
  }

  public void requestMissing(String number) {
    // in turn with an upload (DocumentUploads#supply): either its files are counted here, or it
    // finds the request waiting for them and moves it on; never neither
    LocalisationRequest request = registry.getForUpdate(number);
    if (request.missingDocuments().isEmpty()) {
      // the files arrived while an official re-checked the list (filed): there is nothing to ask
      // for, and the model is about to wait for a supply that already happened; deliver it as soon
      // as this transaction has put the request there, so the check runs again and moves it on
      resumeAfterCommit(number);
      return;
    }
    String missing = join(request.missingDocuments());
    notifications.notify(
        request,
        new Notification.DocumentsMissing(request.missingDocuments(), Deadlines.dueAfter(Deadlines.DOCUMENTS_SUPPLY)));
    registry.addEvent(number, "DOCUMENTS_REQUESTED", missing);
  }

  public void closeNotSupplied(String number) {
    LocalisationRequest request = registry.get(number);
    registry.finish(number, RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED, join(request.missingDocuments()));
    notifications.notify(
        request,
        new Notification.ClosedDocumentsNotSupplied(request.missingDocuments(), Deadlines.DOCUMENTS_SUPPLY.getDays()));
  }

  /**
   * Files of these types were stored for the request (in the caller's transaction): a request that
   * waits for documents checks them at once; otherwise (an official re-checks the list, or the
   * request is past the documents stage) they count as filed and the next check sees them.
   */
  public void filed(String number, List<DocumentType> types) {
    linksOnTasks.refreshAfterCommit(number);
    if (messages.awaitsDocuments(number)) {
      messages.documentsSupplied(number, join(types));
      return;
    }
    LocalisationRequest request = registry.get(number);
    Set<DocumentType> documents = filed(request, types);
    registry.updateDocuments(number, documents, policy.missing(request.sector(), request.hazardClass(), documents));
    registry.addEvent(number, "DOCUMENTS_SUPPLIED", join(types));
  }

  /**
   * An official received paper originals (missing-documents task): they count as filed from now on,
   * and the timeline says who received which. Types received before are not recorded twice.
   */
  public void receivedOnPaper(String number, List<DocumentType> types, String official) {
    List<DocumentType> received = types.stream().distinct().filter(type -> paperOriginals.record(number, type, official)).toList();
    if (received.isEmpty()) {
      return;
    }
    LocalisationRequest request = registry.get(number);
    Set<DocumentType> documents = filed(request, List.of());
    registry.updateDocuments(number, documents, policy.missing(request.sector(), request.hazardClass(), documents));
    registry.addEvent(number, "PAPER_ORIGINAL_RECEIVED", join(received), official);
  }

  /**
   * The documents whose files are stored or whose paper originals were received; with {@link DocumentsProperties#announcedCountAsFiled()}
   * also those the request names already and the newly named ones.
   */
  private Set<DocumentType> filed(LocalisationRequest request, List<DocumentType> named) {
    Set<DocumentType> filed = new LinkedHashSet<>();
    if (properties.announcedCountAsFiled()) {
      filed.addAll(request.documents());
      filed.addAll(named);
    }
    store.list(request.number()).forEach(document -> filed.add(document.type()));
    paperOriginals.list(request.number()).forEach(original -> filed.add(original.type()));
    return filed;
  }

  private void resumeAfterCommit(String number) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      LOG.warn("Request {} has its documents but waits for them: no transaction to resume it after", number);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            // the application's own step, not the official's whose completion got here: the engine
            // refuses messages from users (integrity), so it runs without the caller's authentication
            Authentication caller = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
              newTransaction.executeWithoutResult(status -> messages.documentsSupplied(number, ""));
            } catch (RuntimeException e) {
              // the request went on otherwise meanwhile (withdrawn, another supply); an upload resumes it too
              LOG.info("Request {} not resumed after its documents arrived: {}", number, e.toString());
            } finally {
              if (caller != null) {
                identityService.setAuthentication(caller);
              }
            }
          }
        });
  }

  /** The investor supplies documents: resumes a request that waits for them. */
  public void supply(String number, List<DocumentType> documents) {
    messages.documentsSupplied(number, join(documents));
  }

  private static String join(List<DocumentType> documents) {
    return documents.stream().map(Enum::name).collect(Collectors.joining(","));
  }
}
