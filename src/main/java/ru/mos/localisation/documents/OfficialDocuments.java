package ru.mos.localisation.documents;

import java.util.Collection;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.webapps.OfficialGroup;

/**
 * Officials open a request's files from their task forms. Who may: an official with a task on the
 * request (assigned to them, or offered to one of their groups), the board, administrators.
 * Each opening is on the request's timeline, with who opened which file.
 */
@Service
public class OfficialDocuments {

  private final TaskService tasks;
  private final DocumentStore store;
  private final RequestRegistry registry;

  public OfficialDocuments(@Lazy TaskService tasks, DocumentStore store, RequestRegistry registry) {
    this.tasks = tasks;
    this.store = store;
    this.registry = registry;
  }

  /** Whether the official may open the request's files. */
  public boolean mayOpen(String official, Collection<String> groups, String number) {
    if (groups.contains(OfficialGroup.INVESTMENT_BOARD.id()) || groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    if (tasks.createTaskQuery().processInstanceBusinessKey(number).taskAssignee(official).count() > 0) {
      return true;
    }
    return !groups.isEmpty()
        && tasks.createTaskQuery()
                .processInstanceBusinessKey(number)
                .taskCandidateGroupIn(groups.stream().toList())
                .includeAssignedTasks()
                .count()
            > 0;
  }

  /**
   * The file, with its opening recorded on the timeline (committed before a byte is sent: a
   * download broken off still counts as opened).
   *
   * @throws DocumentNotFoundException when the request has no such file
   */
  @Transactional
  public StoredDocument open(String official, String number, String id) {
    StoredDocument document = store.find(number, id).orElseThrow(() -> new DocumentNotFoundException(number, id));
    registry.addEvent(number, "DOCUMENT_OPENED", document.type().name() + ": " + document.fileName(), official);
    return document;
  }
}
