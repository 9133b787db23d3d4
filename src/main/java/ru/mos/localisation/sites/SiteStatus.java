package ru.mos.localisation.sites;

/** Whether an industrial site can be offered. */
public enum SiteStatus {
  AVAILABLE,
  RESERVED,
  ALLOCATED
}
