package ru.mos.localisation.request;

import java.time.OffsetDateTime;

/** One time-stamped event in a request's history, as the investor sees it. */
public record TimelineEntry(OffsetDateTime at, String type, String detail) {}
