package ru.mos.localisation.documents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.documents.DocumentLinks;
import ru.mos.localisation.documents.DocumentNotFoundException;
import ru.mos.localisation.documents.DocumentStore;
import ru.mos.localisation.documents.OfficialDocuments;
import ru.mos.localisation.documents.StoredDocument;
import ru.mos.localisation.request.web.RequestViews;

/**
 * Officials open a request's file from a task form's link, in their Tasklist session (the security
 * module authenticates the path by Camunda's webapp session). Refusals are in Russian, in the
 * webapps' format; a stranger to the request learns nothing of its files (403 before any lookup).
 */
@RestController
public class OfficialDocumentsController {

  private static final Pattern NUMBER = Pattern.compile(RequestViews.NUMBER);
  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
  private static final String GROUP = "GROUP_";

  private final OfficialDocuments documents;
  private final DocumentStore store;
  private final ObjectMapper json;

  public OfficialDocumentsController(OfficialDocuments documents, DocumentStore store, ObjectMapper json) {
    this.documents = documents;
    this.store = store;
    this.json = json;
  }

  @GetMapping(DocumentLinks.PATH)
  public void openDocument(
      @PathVariable String number, @PathVariable String id, Authentication official, HttpServletResponse response)
      throws IOException {
    List<String> groups =
        official.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith(GROUP))
            .map(authority -> authority.substring(GROUP.length()))
            .toList();
    if (!NUMBER.matcher(number).matches() || !ID.matcher(id).matches()) {
      refuse(response, HttpStatus.NOT_FOUND, "Документ не найден");
      return;
    }
    if (!documents.mayOpen(official.getName(), groups, number)) {
      refuse(
          response,
          HttpStatus.FORBIDDEN,
          "Документы заявки открывают сотрудники, которым поручена задача по ней, руководство департамента и администраторы");
      return;
    }
    StoredDocument document;
    try {
      document = documents.open(official.getName(), number, id);
    } catch (DocumentNotFoundException e) {
      refuse(response, HttpStatus.NOT_FOUND, "Документ не найден");
      return;
    }
    Attachments.send(document, store, response);
  }

  /** A refusal the way the webapps' API words one: {@code {"type", "message"}}. */
  private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String type = status == HttpStatus.FORBIDDEN ? "AuthorizationException" : "NotFoundException";
    json.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
  }
}
