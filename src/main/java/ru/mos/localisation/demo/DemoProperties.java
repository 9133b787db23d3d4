package ru.mos.localisation.demo;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the demo profile.
 *
 * @param password the password of every demo user (not of the administrator)
 */
@Validated
@ConfigurationProperties("localisation.demo")
public record DemoProperties(@NotBlank String password) {}
