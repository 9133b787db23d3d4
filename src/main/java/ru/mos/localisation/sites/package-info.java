/**
 * Site allocation (BPMN {@code site-allocation}): tables {@code industrial_site},
 * {@code site_reservation} and {@code site_candidates} ({@link ru.mos.localisation.sites.SiteRegistry}),
 * matching, reservation, the offer to the investor, the investor API's {@code GET /sites} and
 * {@code POST …/site-offer/answer}.
 */
package ru.mos.localisation.sites;
