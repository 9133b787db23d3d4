package ru.mos.localisation.documents;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.EnumListVariable;
import ru.mos.localisation.request.DocumentType;

/**
 * «Подтвердить перечень недостающих документов», on completion: the paper originals the official
 * ticked count as filed before the list of what is missing goes to the investor.
 */
@Component("paperOriginalsReceived")
public class PaperOriginalsListener implements TaskListener {

  private final DocumentsService documents;

  public PaperOriginalsListener(DocumentsService documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    List<DocumentType> received =
        EnumListVariable.parse(DocumentType.class, DocumentVariables.PAPER_ORIGINALS, task.getVariable(DocumentVariables.PAPER_ORIGINALS));
    if (!received.isEmpty()) {
      documents.receivedOnPaper(task.getExecution().getProcessBusinessKey(), received, official(task));
    }
  }

  /** Who completes the task: the user of the call, else its assignee (the application completing it). */
  private static String official(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    return task.getAssignee() == null ? "—" : task.getAssignee();
  }
}
