/**
 * The request as the investor API shows it ({@link ru.mos.localisation.request.web.RequestView},
 * built by {@link ru.mos.localisation.request.web.RequestViews}); exposed to the features whose
 * endpoints answer with it.
 */
@NamedInterface("web")
package ru.mos.localisation.request.web;

import org.springframework.modulith.NamedInterface;
