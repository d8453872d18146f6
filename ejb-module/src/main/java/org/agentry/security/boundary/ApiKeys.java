package org.agentry.security.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.security.control.AdminToken;
import org.agentry.security.control.Tokens;
import org.agentry.security.entity.ApiKey;
import org.agentry.security.entity.Role;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.Tenants;

/**
 * API keys of service accounts, and the question every request asks: which role does this bearer
 * token carry? Revocation takes effect on the next request, as nothing is cached.
 */
@Stateless
public class ApiKeys {

  @Inject AuditLog audit;

  /** A key just created, with its secret token: the only time the token is available. */
  public record CreatedApiKey(ApiKey key, String token) {}

  /** The caller name of the bootstrap admin token. */
  public static final String ADMIN_CALLER = "admin";

  /** The start of an API key caller's name; the key's id follows. */
  public static final String KEY_CALLER_PREFIX = "api-key:";

  @PersistenceContext EntityManager em;

  @Inject AdminToken adminToken;

  @Inject CallerTenant tenant;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates a key in the caller's tenant (a platform admin's {@code ?tenant=}).
   *
   * @param name a label of 1 to {@value ApiKey#MAX_NAME_LENGTH} characters
   * @throws IllegalArgumentException if the name is blank or too long
   */
  public CreatedApiKey create(String name, Role role) {
    var token = Tokens.generate();
    var key =
        new ApiKey(tenant.id(), name, role, Tokens.hash(token), Tokens.displayPrefix(token), now());
    em.persist(key);
    audit.record("apikey.issue", "apikey", key.getId(), "role " + role.apiName());
    return new CreatedApiKey(key, token);
  }

  /** Every key of the caller's tenant, revoked ones included, oldest first. */
  public List<ApiKey> list() {
    return em.createNamedQuery(ApiKey.FIND_ALL, ApiKey.class)
        .setParameter("tenant", tenant.id())
        .getResultList();
  }

  /** The key of the caller's tenant with this id, if any. */
  public Optional<ApiKey> find(String id) {
    return Optional.ofNullable(em.find(ApiKey.class, id))
        .filter(k -> k.getTenant().equals(tenant.id()));
  }

  /**
   * Revokes a key at once; revoking a revoked key changes nothing.
   *
   * @throws UnknownResourceException if there is no key with this id
   */
  public ApiKey revoke(String id) {
    audit.record("apikey.revoke", "apikey", id);
    var key = find(id).orElseThrow(() -> new UnknownResourceException("API key", id));
    key.revoke(now());
    return key;
  }

  /**
   * The caller a bearer token identifies: the admin token, or an active API key.
   *
   * @return the caller's name and role, or empty for an unknown or revoked token
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // every request: a read, no transaction
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    var hash = Tokens.hash(token);
    if (adminToken.matches(hash)) {
      return Optional.of(new Caller(ADMIN_CALLER, Role.ADMIN, Tenants.DEFAULT, true));
    }
    return em.createNamedQuery(ApiKey.FIND_BY_HASH, ApiKey.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .map(
            key ->
                new Caller(KEY_CALLER_PREFIX + key.getId(), key.getRole(), key.getTenant(), false));
  }

  /**
   * Which of these keys are no longer usable: revoked or deleted.
   *
   * @param ids API key ids
   * @return the subset of {@code ids} that no longer authenticates
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<String> unusable(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    var active =
        em.createQuery(
                "SELECT k.id FROM ApiKey k WHERE k.id IN :ids AND k.revokedAt IS NULL",
                String.class)
            .setParameter("ids", ids)
            .getResultList();
    var gone = new HashSet<>(ids);
    active.forEach(gone::remove);
    return gone;
  }

  /** Now, at the microsecond precision both databases keep, so responses match stored values. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
