package ru.mos.localisation.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Letters to investors ({@code localisation.notifications.*}); the mail server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every letter
 * @param messageIdDomain the right-hand side of each letter's Message-ID
 * @param zone the time zone in which letters state dates and deadlines
 * @param nodeName this node's name, recorded on the rows it sends
 * @param relay how the outbox is relayed to the mail server
 */
@Validated
@ConfigurationProperties("localisation.notifications")
public record NotificationProperties(
    @DefaultValue("no-reply@investmoscow.example") @NotBlank String from,
    @DefaultValue("localisation.investmoscow.example") @NotBlank String messageIdDomain,
    @DefaultValue("Europe/Moscow") @NotNull ZoneId zone,
    @DefaultValue("node") @NotBlank String nodeName,
    @DefaultValue @Valid Relay relay) {

  /**
   * @param enabled whether this node relays (every node of a cluster may: the rows are claimed with
   *     {@code FOR UPDATE SKIP LOCKED})
   * @param interval the pause between two polls of the outbox
   * @param batchSize the most letters one poll sends (each in its own transaction)
   * @param maxAttempts attempts before a letter is FAILED and waits for an operator
   * @param firstRetry the wait after the first failed attempt; it doubles with each further one
   * @param maxRetry the longest wait between two attempts
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") @NotNull Duration interval,
      @DefaultValue("50") @Min(1) int batchSize,
      @DefaultValue("12") @Min(1) int maxAttempts,
      @DefaultValue("30s") @NotNull Duration firstRetry,
      @DefaultValue("30m") @NotNull Duration maxRetry) {

    /** The wait after the given number of failed attempts: first, doubled each time, capped. */
    public Duration backoffAfter(int failedAttempts) {
      Duration wait = firstRetry;
      for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
  }
}
