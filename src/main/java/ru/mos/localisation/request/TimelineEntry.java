package ru.mos.localisation.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One time-stamped event in a request's history. {@code actor} is the official who caused it,
 * where one did; the city's to know, so the investor's view leaves it out.
 */
public record TimelineEntry(
    OffsetDateTime at, String type, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String actor) {

  /** The entry without who caused it. */
  public TimelineEntry anonymous() {
    return actor == null ? this : new TimelineEntry(at, type, detail, null);
  }
}
