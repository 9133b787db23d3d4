/**
 * The business metrics at {@code /actuator/prometheus}: requests by status and stage, overdue tasks
 * by group, stage durations, notification delivery and the engine's jobs, read from the database
 * at scrape time so that every node of a cluster reports the same.
 */
package ru.mos.localisation.supervision.metrics;
