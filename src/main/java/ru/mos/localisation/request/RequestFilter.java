package ru.mos.localisation.request;

/** Which requests a listing shows; a null field does not filter. */
public record RequestFilter(String submittedBy, RequestStatus status, Sector sector) {}
