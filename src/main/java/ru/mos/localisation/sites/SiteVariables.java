package ru.mos.localisation.sites;

/**
 * The variables of the {@code site-allocation} process; the investor's answer to an offer comes
 * with its message (ProcessVariables).
 */
public final class SiteVariables {

  // Set by the service tasks
  public static final String CANDIDATE_SITE_IDS = "candidateSiteIds";
  public static final String SITES_FOUND = "sitesFound";
  public static final String DECLINED_SITE_IDS = "declinedSiteIds";
  public static final String OFFERED_SITE_ID = "offeredSiteId";
  /** The candidates with their data, one per line, for the official who selects a site. */
  public static final String CANDIDATE_SITES_SUMMARY = "candidateSitesSummary";
  /** The candidates as a Json array of {label, value}: the options of the site officer's select. */
  public static final String CANDIDATE_SITES = "candidateSites";
  /** The site offered to the investor with its data, for the board's final approval. */
  public static final String OFFERED_SITE_SUMMARY = "offeredSiteSummary";

  // Set by the site officer (the product's task contract)
  public static final String SELECTED_SITE_ID = "selectedSiteId";
  public static final String NO_SITE_DECISION = "noSiteDecision";

  private SiteVariables() {}
}
