package org.agentry.provider.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tenant.entity.Tenants;

/**
 * A configured model provider, named like an agent ({@code [a-z0-9][a-z0-9-]{0,62}}). The price
 * table and scripted turns are JSON documents kept as text; the provider layer parses them. The API
 * key is stored sealed (encrypted); the provider layer seals and opens it, this entity never sees
 * it in clear.
 */
@Entity
@NamedQuery(
    name = Provider.FIND_ALL,
    query = "SELECT p FROM Provider p WHERE p.tenant = :tenant ORDER BY p.name")
@IdClass(TenantKey.class)
public class Provider {

  public static final String FIND_ALL = "Provider.findAll";

  /** The longest stored (sealed) API key, in characters: the column's width. */
  public static final int MAX_SEALED_LENGTH = 8192;

  @Id
  @Column(length = 63)
  private String tenant;

  @Id
  @Column(length = 63)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ProviderKind kind;

  @Column(name = "base_url", length = 2048)
  private String baseUrl;

  @Column(name = "api_key", length = MAX_SEALED_LENGTH)
  private String apiKey;

  @Column(name = "timeout_ms", nullable = false)
  private long timeoutMs;

  @Column(name = "max_retries", nullable = false)
  private int maxRetries;

  @Column(nullable = false)
  private String prices;

  @Column(name = "scripted_turns")
  private String scriptedTurns;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Provider() {}

  /**
   * A new provider.
   *
   * @param sealedApiKey the API key as sealed for storage, or null
   * @throws InvalidInputException if the name or the settings break a rule
   */
  public Provider(String tenant, String name, ProviderSpec spec, String sealedApiKey, Instant now) {
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(), "'name' must match " + Names.PATTERN);
    this.tenant = Tenants.require(tenant);
    this.name = name;
    this.createdAt = Objects.requireNonNull(now);
    reconfigure(spec, sealedApiKey, now);
  }

  /**
   * Replaces the settings. The API key is kept when {@code sealedApiKey} is null, removed when it
   * is empty, and replaced otherwise.
   *
   * @param sealedApiKey the API key as sealed for storage
   * @throws InvalidInputException if the sealed key is longer than {@value #MAX_SEALED_LENGTH}
   */
  public void reconfigure(ProviderSpec spec, String sealedApiKey, Instant now) {
    InvalidInputException.check(
        sealedApiKey == null || sealedApiKey.length() <= MAX_SEALED_LENGTH, "'apiKey' is too long");
    this.kind = spec.kind();
    this.baseUrl = spec.baseUrl();
    this.timeoutMs = spec.timeoutMs();
    this.maxRetries = spec.maxRetries();
    this.prices = spec.prices();
    this.scriptedTurns = spec.scriptedTurns();
    if (sealedApiKey != null) {
      this.apiKey = sealedApiKey.isEmpty() ? null : sealedApiKey;
    }
    this.updatedAt = now;
  }

  /** The settings, without the API key. */
  public ProviderSpec spec() {
    return new ProviderSpec(kind, baseUrl, timeoutMs, maxRetries, prices, scriptedTurns);
  }

  public String getName() {
    return name;
  }

  /** The tenant it belongs to; its name is unique within it. */
  public String getTenant() {
    return tenant;
  }

  /**
   * The API key as stored: sealed, or clear text from before sealing until the startup seals it;
   * for the provider layer only.
   */
  public String sealedApiKey() {
    return apiKey;
  }

  public boolean hasApiKey() {
    return apiKey != null;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
