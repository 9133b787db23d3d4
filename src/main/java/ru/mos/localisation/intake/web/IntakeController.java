package ru.mos.localisation.intake.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.IntakeService.Submission;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.request.web.RequestView;
import ru.mos.localisation.request.web.RequestViews;

/** The investor API: an investor files a request. */
@RestController
public class IntakeController {

  private final IntakeService intake;
  private final RequestViews views;

  public IntakeController(IntakeService intake, RequestViews views) {
    this.intake = intake;
    this.views = views;
  }

  /** 201 with the new request, or 200 with the one already filed under this external reference. */
  @PostMapping(path = RequestViews.PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RequestView> submit(@Valid @RequestBody NewLocalisationRequest body, Principal investor) {
    Submission submission = intake.submit(body, investor.getName());
    RequestView view = views.of(submission.request());
    return submission.created()
        ? ResponseEntity.created(URI.create(view.links().get("self"))).body(view)
        : ResponseEntity.ok(view);
  }
}
