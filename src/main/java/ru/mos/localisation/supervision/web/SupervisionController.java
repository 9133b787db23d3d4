package ru.mos.localisation.supervision.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.shared.NotFoundException;
import ru.mos.localisation.supervision.Dashboard;
import ru.mos.localisation.supervision.Labels;
import ru.mos.localisation.supervision.RegisterPage;
import ru.mos.localisation.supervision.RegisterQuery;
import ru.mos.localisation.supervision.RequestFile;
import ru.mos.localisation.supervision.RequestHistory;
import ru.mos.localisation.supervision.SupervisionRegister;

/**
 * The Cockpit plugin's data, for the board and administrators (see {@code SupervisionSecurity}):
 * the register and its CSV, a request's page, the dashboard's figures, and the Russian names of
 * the codes the filters offer.
 */
@Hidden
@RestController
@RequestMapping("/supervision/api")
public class SupervisionController {

  private static final Pattern REGISTRY_NUMBER = Pattern.compile("LOC-\\d{4}-\\d{5,}");

  /** A code and its Russian name, for the filters' choices. */
  record Choice(String code, String name) {}

  private final SupervisionRegister register;
  private final RequestHistory history;
  private final Dashboard dashboard;

  public SupervisionController(SupervisionRegister register, RequestHistory history, Dashboard dashboard) {
    this.register = register;
    this.history = history;
    this.dashboard = dashboard;
  }

  @GetMapping("/requests")
  public RegisterPage requests(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return register.page(RegisterQuery.of(status, stage, sector, q, page, size));
  }

  /** The register's current view — its filters and search, every page — as a CSV file. */
  @GetMapping("/requests.csv")
  public ResponseEntity<byte[]> csv(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String q) {
    RegisterPage rows = register.page(RegisterQuery.of(status, stage, sector, q, 0, 1).everyRow());
    String fileName = "реестр-заявок-" + LocalDate.now() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(RegisterCsv.of(rows.items()).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/requests/{number}")
  public RequestFile request(@PathVariable String number) {
    if (!REGISTRY_NUMBER.matcher(number).matches()) {
      throw new NotFoundException("Заявка " + number + " не найдена");
    }
    return history.of(number);
  }

  @GetMapping("/dashboard")
  public Dashboard.Figures dashboard() {
    return dashboard.figures();
  }

  @GetMapping("/vocabulary")
  public Map<String, List<Choice>> vocabulary() {
    return Map.of(
        "statuses", Arrays.stream(RequestStatus.values()).map(s -> new Choice(s.name(), Labels.status(s))).toList(),
        "stages", Arrays.stream(RequestStage.values()).map(s -> new Choice(s.name(), Labels.stage(s))).toList(),
        "sectors", Arrays.stream(Sector.values()).map(s -> new Choice(s.name(), Labels.sector(s))).toList());
  }
}
