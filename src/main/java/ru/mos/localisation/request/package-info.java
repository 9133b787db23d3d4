/**
 * The registry of requests: tables {@code localisation_request} and {@code request_event}
 * ({@link ru.mos.localisation.request.RequestRegistry}, their only writer), a request's status,
 * stage and timeline, and the investor API's view of a request and its queries ({@code web}, a
 * named interface the features' endpoints answer with). Learns a request's site through
 * {@link ru.mos.localisation.request.RequestSites}, which site allocation implements.
 */
package ru.mos.localisation.request;
