package ru.mos.localisation.documents;

import static ru.mos.localisation.documents.DocumentVariables.DOCUMENTS_COMPLETE;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS;
import static ru.mos.localisation.process.ProcessVariables.SUPPLIED_DOCUMENTS;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.EnumListVariable;
import ru.mos.localisation.request.DocumentType;

/** «Проверить комплектность документов», first after registration and again after each supply. */
@Component("checkCompleteness")
public class CheckCompletenessDelegate implements JavaDelegate {

  private final DocumentsService documents;

  public CheckCompletenessDelegate(DocumentsService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<DocumentType> supplied =
        EnumListVariable.parse(DocumentType.class, SUPPLIED_DOCUMENTS, execution.getVariable(SUPPLIED_DOCUMENTS));
    List<DocumentType> missing = documents.check(execution.getProcessBusinessKey(), supplied);
    execution.setVariable(DOCUMENTS_COMPLETE, missing.isEmpty());
    execution.setVariable(
        MISSING_DOCUMENTS, missing.stream().map(Enum::name).collect(Collectors.joining(",")));
    execution.removeVariable(SUPPLIED_DOCUMENTS);
  }
}
