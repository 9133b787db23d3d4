package ru.mos.localisation.intake.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import ru.mos.localisation.documents.DocumentParts;
import ru.mos.localisation.documents.DocumentUploads;
import ru.mos.localisation.documents.Upload;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.IntakeService.Submission;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.request.web.RequestView;
import ru.mos.localisation.request.web.RequestViews;
import ru.mos.localisation.shared.InvalidInputException;

/** The investor API: an investor files a request. */
@RestController
public class IntakeController {

  /** The multipart part holding the JSON body. */
  static final String REQUEST_PART = "request";

  private final IntakeService intake;
  private final RequestViews views;

  private final DocumentUploads uploads;

  public IntakeController(IntakeService intake, RequestViews views, DocumentUploads uploads) {
    this.intake = intake;
    this.views = views;
    this.uploads = uploads;
  }

  /** 201 with the new request, or 200 with the one already filed under this external reference. */
  @PostMapping(path = RequestViews.PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RequestView> submit(@Valid @RequestBody NewLocalisationRequest body, Principal investor) {
    return answer(intake.submit(body, investor.getName()));
  }

  /**
   * The same with the documents' files: part {@code request} is the JSON body, each other part a
   * file named by its document type. The files are checked before the request is registered and
   * stored in the transaction that registers it; the documents filed are the files sent (a JSON
   * {@code documents} list only announces). A request already filed under this external reference
   * is answered as it is (200), and the files are not stored again.
   */
  @PostMapping(path = RequestViews.PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RequestView> submitWithFiles(
      @Valid @RequestPart(REQUEST_PART) NewLocalisationRequest body,
      MultipartHttpServletRequest multipart,
      Principal investor) {
    List<Upload> files =
        DocumentParts.of(multipart.getMultiFileMap(), multipart.getParameterMap().keySet(), Set.of(REQUEST_PART));
    if (files.isEmpty()) {
      throw InvalidInputException.of("documents", "at least one file part named by its document type");
    }
    List<DocumentUploads.CheckedFile> checked = uploads.check(files);
    NewLocalisationRequest filed =
        new NewLocalisationRequest(
            body.externalReference(),
            body.investor(),
            body.project(),
            DocumentUploads.types(files),
            body.exportSupportRequested(),
            body.personnelExchangeRequested());
    return answer(intake.submit(filed, investor.getName(), number -> uploads.store(number, checked)));
  }

  private ResponseEntity<RequestView> answer(Submission submission) {
    RequestView view = views.of(submission.request());
    return submission.created()
        ? ResponseEntity.created(URI.create(view.links().get("self"))).body(view)
        : ResponseEntity.ok(view);
  }
}
