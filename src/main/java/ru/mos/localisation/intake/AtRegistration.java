package ru.mos.localisation.intake;

import java.util.function.Consumer;

/**
 * What the investor API's intake does once registration has the new request's number, in the same
 * transaction: store the request's files. Travels as a transient variable of the start, so no
 * other door can hand one in (a value read from JSON is never a function).
 */
record AtRegistration(Consumer<String> action) {}
