package ru.mos.localisation.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed logins {@link LoginThrottle} lets through before it answers 429.
 *
 * @param failuresPerAddress failed logins from one client address, whatever the accounts
 * @param failuresPerAccountAndAddress failed logins for one account from one client address
 * @param window the time in which either budget refills completely (steadily, not all at once)
 * @param maxTrackedKeys how many addresses and (address, account) pairs are remembered at most
 */
@Validated
@ConfigurationProperties("localisation.security.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("10") @Positive int failuresPerAddress,
    @DefaultValue("5") @Positive int failuresPerAccountAndAddress,
    @DefaultValue("5m") @NotNull Duration window,
    @DefaultValue("100000") @Positive long maxTrackedKeys) {}
