/**
 * How a request ends: approval with an agreement number, rejection, withdrawal (with the investor
 * API's {@code POST …/withdrawal}) and cancellation from outside, which keeps the registry true
 * ({@link ru.mos.localisation.outcome.RequestCancellation}).
 */
package ru.mos.localisation.outcome;
