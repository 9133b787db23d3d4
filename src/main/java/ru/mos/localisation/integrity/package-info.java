/**
 * Integrity of decisions, enforced in the engine so that every door — the investor API,
 * {@code /engine-rest}, the webapps' {@code /camunda/api/engine}, Tasklist forms — passes the same
 * rules: {@link ru.mos.localisation.integrity.DecisionIntegrityGuard} sees every command a user
 * issues, whichever door it came through, before it changes anything.
 */
package ru.mos.localisation.integrity;
