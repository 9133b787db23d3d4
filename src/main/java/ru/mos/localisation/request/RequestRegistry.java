package ru.mos.localisation.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry of localisation requests and their timelines. Every write joins the caller's
 * transaction, which inside a delegate is the engine's own.
 */
@Repository
public class RequestRegistry {

  /**
   * A row as a request, by column name; Spring's default conversions read the enums and the
   * comma-separated document lists.
   */
  private static final RowMapper<LocalisationRequest> REQUEST = new DataClassRowMapper<>(LocalisationRequest.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  public RequestRegistry(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Inserts a new request; a second one from the same account with the same external reference
   * fails. The submitting account is the idempotency key: a request without one has none.
   */
  public void insert(LocalisationRequest request) {
    jdbc.sql(
            """
            INSERT INTO localisation_request (number, external_reference, investor_name, investor_country,
              investor_registration_number, investor_contact_email, sector, title, description,
              investment_rub, planned_jobs, export_share_percent, required_area_ha, required_power_mw,
              hazard_class, documents, missing_documents, export_support_requested,
              personnel_exchange_requested, status, stage, submitted_by, process_instance_id,
              agreement_number, created_at, updated_at, idempotency_account)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            request.number(), request.externalReference(), request.investorName(),
            request.investorCountry(), request.investorRegistrationNumber(),
            request.investorContactEmail(), request.sector().name(), request.title(),
            request.description(), request.investmentRub(), request.plannedJobs(),
            request.exportSharePercent(), request.requiredAreaHa(), request.requiredPowerMw(),
            request.hazardClass(), join(request.documents()), join(request.missingDocuments()),
            request.exportSupportRequested(), request.personnelExchangeRequested(),
            request.status().name(), request.stage().name(), request.submittedBy(),
            request.processInstanceId(), request.agreementNumber(), request.createdAt(),
            request.updatedAt(), request.submittedBy())
        .update();
    addEvent(request.number(), "REGISTERED", null);
  }

  public Optional<LocalisationRequest> find(String number) {
    return jdbc.sql("SELECT * FROM localisation_request WHERE number = ?")
        .param(number)
        .query(REQUEST)
        .optional();
  }

  public LocalisationRequest get(String number) {
    return find(number).orElseThrow(() -> new RequestNotFoundException(number));
  }

  /**
   * The request, its row locked until the caller's transaction ends: steps that must see each
   * other's writes (a file arriving while an official confirms what is missing) take turns.
   */
  public LocalisationRequest getForUpdate(String number) {
    return jdbc.sql("SELECT * FROM localisation_request WHERE number = ? FOR UPDATE")
        .param(number)
        .query(REQUEST)
        .optional()
        .orElseThrow(() -> new RequestNotFoundException(number));
  }

  /** The request an account filed under an external reference; another account's are not seen. */
  public Optional<LocalisationRequest> findByExternalReference(String account, String externalReference) {
    return jdbc.sql(
            """
            SELECT * FROM localisation_request
            WHERE idempotency_account = ? AND external_reference = ?
            """)
        .params(account, externalReference)
        .query(REQUEST)
        .optional();
  }

  /** One page of requests, newest first; {@code submittedBy} null means everyone's. */
  public RequestPage list(RequestFilter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.submittedBy() != null) {
      where.append(" AND submitted_by = ?");
      params.add(filter.submittedBy());
    }
    if (filter.status() != null) {
      where.append(" AND status = ?");
      params.add(filter.status().name());
    }
    if (filter.sector() != null) {
      where.append(" AND sector = ?");
      params.add(filter.sector().name());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM localisation_request" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<LocalisationRequest> items =
        jdbc.sql(
                "SELECT * FROM localisation_request"
                    + where
                    + " ORDER BY created_at DESC, number DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(REQUEST)
            .list();
    return new RequestPage(items, page, size, total);
  }

  /** The registry numbers of the requests one user filed. */
  public Set<String> numbersSubmittedBy(String submittedBy) {
    return Set.copyOf(
        jdbc.sql("SELECT number FROM localisation_request WHERE submitted_by = ?")
            .param(submittedBy)
            .query(String.class)
            .list());
  }

  public void updateDocuments(
      String number, Collection<DocumentType> documents, Collection<DocumentType> missing) {
    jdbc.sql(
            """
            UPDATE localisation_request SET documents = ?, missing_documents = ?, updated_at = ?
            WHERE number = ?
            """)
        .params(join(documents), join(missing), now(), number)
        .update();
  }

  /** Moves an open request to a stage of the process and notes it on the timeline. */
  public void moveTo(String number, RequestStage stage) {
    int updated =
        jdbc.sql(
                """
                UPDATE localisation_request SET stage = ?, updated_at = ?
                WHERE number = ? AND stage <> ?
                """)
            .params(stage.name(), now(), number, stage.name())
            .update();
    if (updated > 0) {
      addEvent(number, "STAGE_" + stage.name(), null);
    }
  }

  /** Closes a request with its final status; the stage becomes DONE. */
  public void finish(String number, RequestStatus status, String detail) {
    jdbc.sql(
            """
            UPDATE localisation_request SET status = ?, stage = ?, updated_at = ?
            WHERE number = ?
            """)
        .params(status.name(), RequestStage.DONE.name(), now(), number)
        .update();
    addEvent(number, status.name(), detail);
  }

  public void setAgreementNumber(String number, String agreementNumber) {
    jdbc.sql("UPDATE localisation_request SET agreement_number = ?, updated_at = ? WHERE number = ?")
        .params(agreementNumber, now(), number)
        .update();
  }

  public void addEvent(String number, String type, String detail) {
    addEvent(number, type, detail, null);
  }

  /** An event an official caused, with who it was. */
  public void addEvent(String number, String type, String detail, String actor) {
    jdbc.sql(
            "INSERT INTO request_event (request_number, occurred_at, type, detail, actor) VALUES (?, ?, ?, ?, ?)")
        .params(number, now(), type, detail, actor)
        .update();
  }

  public List<TimelineEntry> timeline(String number) {
    return jdbc.sql(
            "SELECT occurred_at, type, detail, actor FROM request_event WHERE request_number = ? ORDER BY id")
        .param(number)
        .query(
            (rs, row) ->
                new TimelineEntry(
                    rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("type"),
                    rs.getString("detail"),
                    rs.getString("actor")))
        .list();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String join(Collection<DocumentType> documents) {
    return String.join(",", documents.stream().map(Enum::name).toList());
  }
}
