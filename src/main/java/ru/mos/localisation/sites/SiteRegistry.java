package ru.mos.localisation.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry of industrial sites. */
@Repository
public class SiteRegistry {

  private final JdbcClient jdbc;

  public SiteRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    return jdbc.sql("SELECT * FROM industrial_site ORDER BY id").query(SiteRegistry::map).list();
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
    return query.query(SiteRegistry::map).list();
  }

  /** The sites with these ids, in no particular order. */
  public List<IndustrialSite> withIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM industrial_site WHERE id IN (:ids)").param("ids", ids).query(SiteRegistry::map).list();
  }

  /** The site reserved for or allocated to a request. */
  public Optional<IndustrialSite> heldBy(String requestNumber) {
    return jdbc.sql("SELECT * FROM industrial_site WHERE request_number = ?")
        .param(requestNumber)
        .query(SiteRegistry::map)
        .optional();
  }

  private static IndustrialSite map(ResultSet rs, int row) throws SQLException {
    return new IndustrialSite(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("zone"),
        rs.getBigDecimal("area_ha"),
        rs.getBigDecimal("power_mw"),
        hazardClasses(rs.getString("allowed_hazard_classes")),
        SiteStatus.valueOf(rs.getString("status")),
        rs.getString("request_number"));
  }

  private static Set<Integer> hazardClasses(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
