package ru.mos.localisation.documents.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.documents.DocumentsService;
import ru.mos.localisation.request.web.RequestView;
import ru.mos.localisation.request.web.RequestViews;

/** The investor API: an investor supplies missing documents. */
@RestController
public class DocumentsController {

  private final DocumentsService documents;
  private final RequestViews views;

  public DocumentsController(DocumentsService documents, RequestViews views) {
    this.documents = documents;
    this.views = views;
  }

  /** Supplies missing documents; 409 when the request is not waiting for documents. */
  @PostMapping(
      path = RequestViews.PATH + "/{number}/documents",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public RequestView supplyDocuments(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      @Valid @RequestBody DocumentsSupply body,
      Principal investor) {
    return views.actOn(number, investor, request -> documents.supply(request, body.documents()));
  }
}
