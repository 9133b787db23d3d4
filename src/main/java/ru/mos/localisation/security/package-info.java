/**
 * The doors' locks: HTTP Basic for the investor API and {@code /engine-rest}, login throttling,
 * cross-site refusal, investors kept to {@code /api/v1}, the password policy, cookies and HSTS; the
 * officials' own endpoints ({@code /camunda/api/localisation}) authenticated by the webapps' session.
 */
package ru.mos.localisation.security;
