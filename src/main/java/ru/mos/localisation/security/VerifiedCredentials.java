package ru.mos.localisation.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials that Camunda's identity service accepted a moment ago, with the user's
 * groups and tenants. Portals and officials' clients send credentials with every request; without
 * this each request cost three more database transactions (password, groups, tenants) before its
 * work began (README, Performance).
 *
 * <p>Only accepted credentials are kept, for {@code localisation.security.verified-credentials-ttl}
 * (30 s; 0 turns the cache off), so a changed password, a removed user or a new group takes effect
 * within that time. A wrong password is never cached: every one reaches Camunda (and
 * {@link LoginThrottle} counts it against the client's address). Passwords are kept only as a salted SHA-256 digest, with a salt made
 * anew at each start.
 */
@Component
public class VerifiedCredentials {

  /** The user a password was accepted for, with what the engine's authorization checks need. */
  public record Identity(String userId, List<String> groupIds, List<String> tenantIds) {}

  /** What is remembered of a user: the digest of the password accepted, and the identity. */
  private record Accepted(String passwordDigest, Identity identity) {}

  private final IdentityService identityService;
  private final Cache<String, Accepted> accepted;
  private final byte[] salt = new byte[32];

  /**
   * The identity service is a lazy proxy: the engine-rest filter that uses this is made early in
   * the start-up, and must not build the engine (and its tables) before Flyway has migrated.
   */
  public VerifiedCredentials(
      @Lazy IdentityService identityService,
      @Value("${localisation.security.verified-credentials-ttl:30s}") Duration timeToLive) {
    this.identityService = identityService;
    this.accepted = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
    new SecureRandom().nextBytes(salt);
  }

  /**
   * The identity of the user if the password is right, from the cache or from Camunda.
   *
   * @throws org.camunda.bpm.engine.ProcessEngineException if Camunda cannot be asked
   */
  public Optional<Identity> verify(String userId, String password) {
    String digest = digest(password);
    Accepted known = accepted.getIfPresent(userId);
    if (known != null && known.passwordDigest().equals(digest)) {
      return Optional.of(known.identity());
    }
    if (!identityService.checkPassword(userId, password)) {
      return Optional.empty();
    }
    Identity identity =
        new Identity(
            userId,
            identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
            identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId)
                .toList());
    accepted.put(userId, new Accepted(digest, identity));
    return Optional.of(identity);
  }

  /** The identity of a user whose password was accepted within the time to live. */
  public Optional<Identity> recentlyVerified(String userId) {
    return Optional.ofNullable(accepted.getIfPresent(userId)).map(Accepted::identity);
  }

  private String digest(String password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
