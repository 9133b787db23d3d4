/**
 * Supervision: what the board and administrators see of the whole city's work, and what operators
 * scrape. Owns the Cockpit plugin's data (the register of every request, finished ones included;
 * a request's timeline and path; the dashboard's figures) at {@code /supervision/api/**}, answered
 * to a Camunda webapp session of {@code investment-board} or {@code camunda-admin} only
 * ({@link ru.mos.localisation.supervision.SupervisionSecurity}), its CSV export, and the business
 * metrics at {@code /actuator/prometheus} ({@code metrics}), read from the database so that every
 * node reports the same. Reads the registry's tables ({@code localisation_request},
 * {@code request_event}, {@code industrial_site}, {@code investor_notification}) and the engine's
 * history; writes nothing.
 */
package ru.mos.localisation.supervision;
