package org.agentry.security.rest;

import java.time.Instant;
import org.agentry.security.entity.ApiKey;

/**
 * An API key as the API shows it. {@code token} is present only in the response to its creation
 * (JSON-B leaves out null members, so {@code revokedAt} is absent while the key is active); {@code
 * prefix} is the token's first 12 characters, to tell keys apart.
 */
public record ApiKeyResponse(
    String id,
    String name,
    String role,
    String prefix,
    Instant createdAt,
    Instant revokedAt,
    boolean revoked,
    String token) {

  static ApiKeyResponse of(ApiKey key) {
    return new ApiKeyResponse(
        key.getId(),
        key.getName(),
        key.getRole().apiName(),
        key.getKeyPrefix(),
        key.getCreatedAt(),
        key.getRevokedAt(),
        key.isRevoked(),
        null);
  }

  static ApiKeyResponse created(ApiKey key, String token) {
    var shown = of(key);
    return new ApiKeyResponse(
        shown.id(),
        shown.name(),
        shown.role(),
        shown.prefix(),
        shown.createdAt(),
        null,
        false,
        token);
  }
}
