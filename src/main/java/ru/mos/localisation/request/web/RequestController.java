package ru.mos.localisation.request.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.request.RequestFilter;
import ru.mos.localisation.request.RequestPage;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/** The investor API: an investor follows their own requests. */
@RestController
@RequestMapping(path = RequestViews.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class RequestController {

  private final RequestViews views;
  private final RequestRegistry registry;

  public RequestController(RequestViews views, RequestRegistry registry) {
    this.views = views;
    this.registry = registry;
  }

  @GetMapping("/{number}")
  public RequestView get(@PathVariable @Pattern(regexp = RequestViews.NUMBER) String number, Principal investor) {
    return views.of(views.owned(number, investor));
  }

  @GetMapping
  public PageView<RequestSummary> list(
      @RequestParam(required = false) RequestStatus status,
      @RequestParam(required = false) Sector sector,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Principal investor) {
    RequestPage result = registry.list(new RequestFilter(investor.getName(), status, sector), page, size);
    return new PageView<>(
        result.items().stream().map(views::summaryOf).toList(),
        result.page(),
        result.size(),
        result.totalElements(),
        result.totalPages());
  }
}
