package ru.mos.localisation.documents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Запросить недостающие документы у инвестора»: the outbox tells the investor what to supply. */
@Component("requestMissingDocuments")
public class RequestMissingDocumentsDelegate implements JavaDelegate {

  private final DocumentsService documents;

  public RequestMissingDocumentsDelegate(DocumentsService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    documents.requestMissing(execution.getProcessBusinessKey());
  }
}
