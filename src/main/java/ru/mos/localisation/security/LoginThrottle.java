package ru.mos.localisation.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address and per (address, account), on every door that checks
 * a password: HTTP Basic on {@code /api} and {@code /engine-rest}, the webapps' login form. Once a
 * budget of {@link LoginThrottleProperties} is spent, further logins from that address (or for that
 * account from that address) are refused until it refills. Another address is not affected, so
 * whoever guesses passwords from one place never locks the owner out of an account.
 *
 * <p>Token buckets of Bucket4j, refilled steadily over the window, in a Caffeine map. The state is
 * per node: behind a load balancer without stickiness an address gets the budget once per node.
 * An entry unused for a whole window is dropped (its bucket would be full again anyway).
 */
@Component
public class LoginThrottle {

  private final LoginThrottleProperties properties;
  private final Cache<String, Bucket> failures;

  public LoginThrottle(LoginThrottleProperties properties) {
    this.properties = properties;
    this.failures =
        Caffeine.newBuilder().expireAfterAccess(properties.window()).maximumSize(properties.maxTrackedKeys()).build();
  }

  /** How long this address must wait before it may try this account, if it must wait at all. */
  public Optional<Duration> refusal(String address, String account) {
    long nanos = Math.max(waitNanos(addressKey(address)), waitNanos(pairKey(address, account)));
    return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
  }

  /** A password was wrong (or the account unknown): it costs both budgets. */
  public void failed(String address, String account) {
    failures.get(addressKey(address), key -> bucket(properties.failuresPerAddress())).tryConsume(1);
    failures.get(pairKey(address, account), key -> bucket(properties.failuresPerAccountAndAddress())).tryConsume(1);
  }

  /**
   * The right password: the owner's earlier typing errors from this address are forgotten. The
   * address's own budget is not given back, so one known account cannot launder guesses at others.
   */
  public void succeeded(String address, String account) {
    failures.invalidate(pairKey(address, account));
  }

  private long waitNanos(String key) {
    Bucket bucket = failures.getIfPresent(key);
    if (bucket == null) {
      return 0;
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  private Bucket bucket(int failuresPerWindow) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(failuresPerWindow).refillGreedy(failuresPerWindow, properties.window()).build())
        .build();
  }

  private static String addressKey(String address) {
    return "address " + address;
  }

  /** Account ids compared as a database with a case-insensitive collation would. */
  private static String pairKey(String address, String account) {
    return "account " + address + " " + account.toLowerCase(Locale.ROOT);
  }
}
