package org.agentry.provider.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;

/**
 * A configured model provider, named like an agent ({@code [a-z0-9][a-z0-9-]{0,62}}). The price
 * table and scripted turns are JSON documents kept as text; the provider layer parses them.
 */
@Entity
@NamedQuery(name = Provider.FIND_ALL, query = "SELECT p FROM Provider p ORDER BY p.name")
public class Provider {

  public static final String FIND_ALL = "Provider.findAll";

  @Id
  @Column(length = 63)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ProviderKind kind;

  @Column(name = "base_url", length = 2048)
  private String baseUrl;

  @Column(name = "api_key", length = 4096)
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
   * @throws InvalidInputException if the name or the settings break a rule
   */
  public Provider(String name, ProviderSpec spec, String apiKey, Instant now) {
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(), "'name' must match " + Names.PATTERN);
    this.name = name;
    this.createdAt = Objects.requireNonNull(now);
    reconfigure(spec, apiKey, now);
  }

  /**
   * Replaces the settings. The API key is kept when {@code apiKey} is null, removed when it is
   * empty, and replaced otherwise.
   */
  public void reconfigure(ProviderSpec spec, String apiKey, Instant now) {
    InvalidInputException.check(
        apiKey == null || apiKey.length() <= 4096, "'apiKey' must be at most 4096 characters");
    this.kind = spec.kind();
    this.baseUrl = spec.baseUrl();
    this.timeoutMs = spec.timeoutMs();
    this.maxRetries = spec.maxRetries();
    this.prices = spec.prices();
    this.scriptedTurns = spec.scriptedTurns();
    if (apiKey != null) {
      this.apiKey = apiKey.isEmpty() ? null : apiKey;
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

  /** The secret API key, for the provider layer only; never put it in a response or log. */
  public String apiKey() {
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
