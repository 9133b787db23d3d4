package ru.mos.localisation.sites;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry of industrial sites with their reservations and each request's candidates: the one
 * place that reads and writes these tables. Every write joins the caller's transaction; a change of
 * a site's status is a conditional update, so a site is held by at most one request.
 */
@Repository
public class SiteRegistry {

  /**
   * A row as a site, by column name; Spring's default conversions read the status and the
   * comma-separated hazard classes.
   */
  private static final RowMapper<IndustrialSite> SITE = new DataClassRowMapper<>(IndustrialSite.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  public SiteRegistry(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(IndustrialSite site) {
    jdbc.sql(
            """
            INSERT INTO industrial_site (id, name, zone, area_ha, power_mw, allowed_hazard_classes, status, request_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            site.id(),
            site.name(),
            site.zone(),
            site.areaHa(),
            site.powerMw(),
            site.allowedHazardClasses().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
            site.status().name(),
            site.requestNumber())
        .update();
  }

  /** The sites an official may choose from for a request, best first; empty clears them. */
  public void setCandidates(String number, List<String> siteIds) {
    jdbc.sql("DELETE FROM site_candidates WHERE request_number = ?").param(number).update();
    if (!siteIds.isEmpty()) {
      jdbc.sql("INSERT INTO site_candidates (request_number, site_ids) VALUES (?, ?)")
          .params(number, String.join(",", siteIds))
          .update();
    }
  }

  public List<String> candidates(String number) {
    return jdbc.sql("SELECT site_ids FROM site_candidates WHERE request_number = ?")
        .param(number)
        .query(String.class)
        .optional()
        .map(ids -> List.of(ids.split(",")))
        .orElse(List.of());
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM industrial_site").query(Long.class).single();
  }

  public List<IndustrialSite> all() {
    return jdbc.sql("SELECT * FROM industrial_site ORDER BY id").query(SITE).list();
  }

  /**
   * The available sites with at least this area and power that allow the hazard class, best fit
   * first: the least spare area, then the least spare power. The database filters and sorts, so a
   * registry of thousands of sites sends over only the few that are shown.
   */
  public List<IndustrialSite> bestFitting(
      BigDecimal areaHa, BigDecimal powerMw, int hazardClass, Collection<String> excludedIds, int limit) {
    String excluded = excludedIds.isEmpty() ? "" : "AND id NOT IN (:excluded)";
    var query =
        jdbc.sql(
                """
                SELECT * FROM industrial_site
                WHERE status = 'AVAILABLE' AND area_ha >= :area AND power_mw >= :power
                  AND ',' || allowed_hazard_classes || ',' LIKE :hazardClass
                  %s
                ORDER BY area_ha - :area, power_mw - :power, id
                LIMIT :limit
                """
                    .formatted(excluded))
            .param("area", areaHa)
            .param("power", powerMw)
            .param("hazardClass", "%," + hazardClass + ",%")
            .param("limit", limit);
    if (!excludedIds.isEmpty()) {
      query = query.param("excluded", excludedIds);
    }
    return query.query(SITE).list();
  }

  /** The sites with these ids, in no particular order. */
  public List<IndustrialSite> withIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM industrial_site WHERE id IN (:ids)").param("ids", ids).query(SITE).list();
  }

  /** The site reserved for or allocated to a request. */
  public Optional<IndustrialSite> heldBy(String requestNumber) {
    return jdbc.sql("SELECT * FROM industrial_site WHERE request_number = ?")
        .param(requestNumber)
        .query(SITE)
        .optional();
  }

  /**
   * Reserves an available site for a request and opens its reservation.
   *
   * @return false if the site is not available (another request took it in the meantime)
   */
  public boolean reserve(String siteId, String number) {
    int reserved =
        jdbc.sql(
                """
                UPDATE industrial_site SET status = 'RESERVED', request_number = ?
                WHERE id = ? AND status = 'AVAILABLE'
                """)
            .params(number, siteId)
            .update();
    if (reserved == 0) {
      return false;
    }
    jdbc.sql("INSERT INTO site_reservation (site_id, request_number, reserved_at) VALUES (?, ?, ?)")
        .params(siteId, number, now())
        .update();
    return true;
  }

  /** The site reserved (not yet allocated) for a request. */
  public Optional<String> reservedFor(String number) {
    return jdbc.sql("SELECT id FROM industrial_site WHERE request_number = ? AND status = 'RESERVED'")
        .param(number)
        .query(String.class)
        .optional();
  }

  /** The request's reserved site becomes available again; its reservation ends as released. */
  public void release(String siteId, String number) {
    jdbc.sql(
            """
            UPDATE industrial_site SET status = 'AVAILABLE', request_number = NULL
            WHERE id = ? AND request_number = ? AND status = 'RESERVED'
            """)
        .params(siteId, number)
        .update();
    endReservation(number, "RELEASED");
  }

  /** The request's reserved site becomes its own for good; its reservation ends as allocated. */
  public void allocate(String siteId, String number) {
    jdbc.sql("UPDATE industrial_site SET status = 'ALLOCATED' WHERE id = ? AND request_number = ?")
        .params(siteId, number)
        .update();
    endReservation(number, "ALLOCATED");
  }

  private void endReservation(String number, String outcome) {
    jdbc.sql(
            """
            UPDATE site_reservation SET ended_at = ?, outcome = ?
            WHERE request_number = ? AND ended_at IS NULL
            """)
        .params(now(), outcome, number)
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
