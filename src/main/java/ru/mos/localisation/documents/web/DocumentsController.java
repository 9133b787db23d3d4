package ru.mos.localisation.documents.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import ru.mos.localisation.documents.DocumentNotFoundException;
import ru.mos.localisation.documents.DocumentParts;
import ru.mos.localisation.documents.DocumentStore;
import ru.mos.localisation.documents.DocumentUploads;
import ru.mos.localisation.documents.DocumentsService;
import ru.mos.localisation.documents.PaperOriginals;
import ru.mos.localisation.documents.StoredDocument;
import ru.mos.localisation.request.web.RequestView;
import ru.mos.localisation.request.web.RequestViews;

/** The investor API: an investor files documents for their request and reads back what is stored. */
@RestController
public class DocumentsController {

  private static final String DOCUMENTS = RequestViews.PATH + "/{number}/documents";

  private final DocumentsService documents;
  private final DocumentUploads uploads;
  private final DocumentStore store;
  private final RequestViews views;
  private final PaperOriginals paperOriginals;

  public DocumentsController(
      DocumentsService documents,
      DocumentUploads uploads,
      DocumentStore store,
      RequestViews views,
      PaperOriginals paperOriginals) {
    this.documents = documents;
    this.uploads = uploads;
    this.store = store;
    this.views = views;
    this.paperOriginals = paperOriginals;
  }

  /**
   * Announces documents without their files (the form before uploads, kept for existing clients):
   * 409 when the request is not waiting for documents.
   */
  @PostMapping(path = DOCUMENTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public RequestView supplyDocuments(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      @Valid @RequestBody DocumentsSupply body,
      Principal investor) {
    return views.actOn(number, investor, request -> documents.supply(request, body.documents()));
  }

  /**
   * Files documents, one file part per document named by its type: 201 with the stored files. A
   * request that waits for documents moves on once its required files are all there; one that is
   * being re-checked by an official keeps the files for that check.
   */
  @PostMapping(path = DOCUMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public DocumentsView uploadDocuments(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      MultipartHttpServletRequest multipart,
      Principal investor) {
    views.owned(number, investor);
    var files = DocumentParts.of(multipart.getMultiFileMap(), multipart.getParameterMap().keySet(), Set.of());
    return DocumentsView.of(uploads.supply(number, files));
  }

  /** The request's stored files. */
  @GetMapping(path = DOCUMENTS, produces = MediaType.APPLICATION_JSON_VALUE)
  public DocumentsView listDocuments(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number, Principal investor) {
    views.owned(number, investor);
    return DocumentsView.of(store.list(number), paperOriginals.list(number));
  }

  /** One file's bytes, as an attachment: never shown inline, whatever it claims to be. */
  @GetMapping(path = DOCUMENTS + "/{id}")
  public void downloadDocument(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      @PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String id,
      Principal investor,
      HttpServletResponse response)
      throws IOException {
    views.owned(number, investor);
    StoredDocument document = store.find(number, id).orElseThrow(() -> new DocumentNotFoundException(number, id));
    Attachments.send(document, store, response);
  }
}
