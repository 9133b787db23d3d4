/**
 * Intake: the investor API's {@code POST /localisation-requests}, Camunda's start and the
 * Tasklist start form, validation of the request document, idempotency per account, and
 * registration under a registry number (delegate {@code registerRequest}).
 */
package ru.mos.localisation.intake;
