package ru.mos.localisation.sites;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.process.Deadlines;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * Finding, reserving, offering and allocating industrial sites, and what the request's timeline
 * and the investor are told of it. The tables are {@link SiteRegistry}'s, whose conditional updates
 * keep a site held by at most one request.
 */
@Service
public class SiteService {

  /** How many candidates an official is shown. */
  static final int MAX_CANDIDATES = 5;

  private final SiteRegistry sites;
  private final RequestRegistry registry;
  private final InvestorNotifications notifications;

  public SiteService(SiteRegistry sites, RequestRegistry registry, InvestorNotifications notifications) {
    this.sites = sites;
    this.registry = registry;
    this.notifications = notifications;
  }

  /**
   * The available sites that fit the project (area, power, hazard class), best fit first: the
   * least spare area, then the least spare power. Sites the investor declined are left out.
   */
  public List<String> match(String number, Collection<String> declined) {
    LocalisationRequest request = registry.get(number);
    List<String> candidates =
        sites
            .bestFitting(
                request.requiredAreaHa(), request.requiredPowerMw(), request.hazardClass(), declined, MAX_CANDIDATES)
            .stream()
            .map(IndustrialSite::id)
            .toList();
    sites.setCandidates(number, candidates);
    registry.addEvent(number, candidates.isEmpty() ? "NO_SITE_FOUND" : "SITES_MATCHED", String.join(",", candidates));
    return candidates;
  }

  /**
   * Reserves the selected site for the request.
   *
   * @throws InvalidInputException if the site is not one of the request's candidates
   * @throws SiteUnavailableException if another request took it in the meantime
   */
  public void reserve(String number, String siteId) {
    if (siteId == null || !sites.candidates(number).contains(siteId)) {
      throw InvalidInputException.toOfficial(
          "selectedSiteId", "Выберите площадку из списка подходящих: указанной площадки в нём нет.");
    }
    if (!sites.reserve(siteId, number)) {
      throw new SiteUnavailableException(siteId);
    }
    sites.setCandidates(number, List.of());
    registry.addEvent(number, "SITE_RESERVED", siteId);
  }

  /** Tells the investor which site is reserved for them and that it awaits their answer. */
  public void offer(String number) {
    LocalisationRequest request = registry.get(number);
    IndustrialSite site = siteOf(number).orElseThrow(() -> new IllegalStateException("No site reserved for " + number));
    notifications.notify(
        request, new Notification.SiteOffered(forLetter(site), Deadlines.dueAfter(Deadlines.SITE_OFFER_ANSWER)));
    registry.addEvent(number, "SITE_OFFERED", site.id());
  }

  /**
   * Releases the request's reservation, if it holds one; safe to call again.
   *
   * @return the released site
   */
  public Optional<String> release(String number) {
    // nothing of site allocation stays with the request, neither its site nor its candidates
    sites.setCandidates(number, List.of());
    Optional<String> held = sites.reservedFor(number);
    held.ifPresent(
        siteId -> {
          sites.release(siteId, number);
          registry.addEvent(number, "SITE_RELEASED", siteId);
        });
    return held;
  }

  /** The investor did not answer the offer in time: the reservation lapses and they are told. */
  public Optional<String> expireOffer(String number) {
    Optional<IndustrialSite> offered = siteOf(number);
    Optional<String> released = release(number);
    offered
        .filter(site -> released.isPresent())
        .ifPresent(
            site ->
                notifications.notify(
                    registry.get(number),
                    new Notification.SiteOfferExpired(forLetter(site), Deadlines.SITE_OFFER_ANSWER.getDays())));
    return released;
  }

  /** A site as a letter to the investor states it. */
  public static Notification.Site forLetter(IndustrialSite site) {
    return new Notification.Site(site.id(), site.name(), site.zone(), site.areaHa(), site.powerMw());
  }

  /** The reserved site becomes the request's for good. */
  public String allocate(String number) {
    String siteId =
        sites.reservedFor(number)
            .orElseThrow(() -> new IllegalStateException("No site reserved for " + number));
    sites.allocate(siteId, number);
    registry.addEvent(number, "SITE_ALLOCATED", siteId);
    return siteId;
  }

  /** A site with the data an official weighs, on one line in Russian. */
  public static String describe(IndustrialSite site) {
    return "%s — %s (%s), %s га, %s МВт, классы опасности %s"
        .formatted(
            site.id(),
            site.name(),
            site.zone(),
            site.areaHa().stripTrailingZeros().toPlainString(),
            site.powerMw().stripTrailingZeros().toPlainString(),
            site.allowedHazardClasses().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
  }

  /**
   * The candidates as the options of the site officer's select (form-js {@code valuesKey}): the
   * site's id as the value, its data in Russian as the label, best first.
   */
  public List<SiteOption> candidateOptions(List<String> siteIds) {
    Map<String, IndustrialSite> byId =
        sites.withIds(siteIds).stream().collect(Collectors.toMap(IndustrialSite::id, site -> site));
    return siteIds.stream().map(byId::get).map(site -> new SiteOption(describe(site), site.id())).toList();
  }

  /** One option of a form-js select: what the official reads, and what the form submits. */
  public record SiteOption(String label, String value) {}

  /** The candidates of a request with their data, one per line, best first. */
  public String describeCandidates(List<String> siteIds) {
    Map<String, IndustrialSite> byId =
        sites.withIds(siteIds).stream().collect(Collectors.toMap(IndustrialSite::id, site -> site));
    return siteIds.stream().map(byId::get).map(SiteService::describe).collect(Collectors.joining("\n"));
  }

  /** The site reserved for or allocated to the request, if any. */
  public Optional<IndustrialSite> siteOf(String number) {
    return sites.heldBy(number);
  }
}
