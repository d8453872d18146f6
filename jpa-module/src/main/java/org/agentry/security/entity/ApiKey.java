package org.agentry.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agentry.tenant.entity.Tenants;

/**
 * An API key of a service account. The secret token is shown once, at creation; only its SHA-256
 * hash (64 lower-case hex characters) is kept, with the first characters of the token as a prefix
 * that lets people tell keys apart.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(
    name = ApiKey.FIND_BY_HASH,
    query = "SELECT k FROM ApiKey k WHERE k.keyHash = :hash AND k.revokedAt IS NULL")
@NamedQuery(
    name = ApiKey.FIND_ALL,
    query = "SELECT k FROM ApiKey k WHERE k.tenant = :tenant ORDER BY k.createdAt, k.id")
public class ApiKey {

  public static final String FIND_BY_HASH = "ApiKey.findActiveByHash";
  public static final String FIND_ALL = "ApiKey.findAll";

  /** Longest accepted name, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(name = "key_prefix", nullable = false, length = 16)
  private String keyPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected ApiKey() {}

  /**
   * A new, active key.
   *
   * @param name a non-blank label of at most {@value #MAX_NAME_LENGTH} characters
   * @param keyHash the SHA-256 hex digest of the token
   * @param keyPrefix the token's first characters, for display
   * @throws IllegalArgumentException if the name is blank or too long
   */
  public ApiKey(
      String tenant, String name, Role role, String keyHash, String keyPrefix, Instant createdAt) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
    }
    this.id = UUID.randomUUID().toString();
    this.tenant = Tenants.require(tenant);
    this.name = name.trim();
    this.role = Objects.requireNonNull(role, "role");
    this.keyHash = Objects.requireNonNull(keyHash, "keyHash");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Revokes the key from {@code at} on; revoking twice keeps the first instant. */
  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Role getRole() {
    return role;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
