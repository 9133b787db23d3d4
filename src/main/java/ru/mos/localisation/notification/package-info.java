/** What the investor is told: the outbox table {@code investor_notification}. */
package ru.mos.localisation.notification;
