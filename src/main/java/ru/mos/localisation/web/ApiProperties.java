package ru.mos.localisation.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the investor API.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 unread
 */
@Validated
@ConfigurationProperties("localisation.api")
public record ApiProperties(@Positive long maxBodyBytes) {}
