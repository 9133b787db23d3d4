/**
 * What the investor is told, and its delivery by e-mail: the outbox table
 * {@code investor_notification} ({@link ru.mos.localisation.notification.InvestorNotifications}, written
 * in the step's transaction with the facts of a {@link ru.mos.localisation.notification.Notification}),
 * the letters' templates and words in Russian and English
 * ({@link ru.mos.localisation.notification.NotificationTemplates}), the relay that sends each letter once
 * across a cluster ({@link ru.mos.localisation.notification.NotificationRelay}), the operators' endpoint
 * ({@code /actuator/notifications}) and the investor API's list of a request's notifications ({@code web}).
 */
package ru.mos.localisation.notification;
