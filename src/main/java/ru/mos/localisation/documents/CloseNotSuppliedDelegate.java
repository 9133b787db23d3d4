package ru.mos.localisation.documents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Закрыть заявку без рассмотрения»: the deadline for the missing documents passed without them. */
@Component("closeNotSupplied")
public class CloseNotSuppliedDelegate implements JavaDelegate {

  private final DocumentsService documents;

  public CloseNotSuppliedDelegate(DocumentsService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    documents.closeNotSupplied(execution.getProcessBusinessKey());
  }
}
