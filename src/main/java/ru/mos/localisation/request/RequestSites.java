package ru.mos.localisation.request;

import java.util.List;
import java.util.Optional;

/**
 * What site allocation knows of a request, for the request's view. The sites module implements
 * it, so that the registry depends on no feature while its view still shows the site.
 */
public interface RequestSites {

  /** The sites an official may choose from, best first; empty when none is being chosen. */
  List<String> candidateSiteIds(String number);

  /** The site reserved for or allocated to the request, if any. */
  Optional<SiteOfRequest> siteOf(String number);
}
