package ru.mos.localisation.sites;

/** The site was reserved or allocated by another request in the meantime. */
public class SiteUnavailableException extends RuntimeException {

  public SiteUnavailableException(String siteId) {
    super("Site " + siteId + " is no longer available");
  }
}
