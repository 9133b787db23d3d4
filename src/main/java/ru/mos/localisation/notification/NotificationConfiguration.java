package ru.mos.localisation.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the outbox every {@code localisation.notifications.relay.interval} on every node where the
 * relay is enabled; the nodes share the work through the database ({@link NotificationRelay}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

  private final NotificationRelay relay;
  private final NotificationProperties properties;

  public NotificationConfiguration(NotificationRelay relay, NotificationProperties properties) {
    this.relay = relay;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!properties.relay().enabled()) {
      LOG.info("Notification relay off on this node (localisation.notifications.relay.enabled=false)");
      return;
    }
    if (!relay.mailServerConfigured()) {
      LOG.warn("No mail server configured (spring.mail.host): notifications to investors wait in the outbox");
      return;
    }
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::poll, properties.relay().interval(), properties.relay().interval()));
  }

  private void poll() {
    try {
      relay.relayDue();
    } catch (RuntimeException e) {
      // the database may be away for a moment; the next poll tries again
      LOG.warn("Notification relay poll failed: {}", e.toString());
    }
  }
}
