package org.agentry.client.model;

import java.time.Instant;

/**
 * An API key. {@code token} is set only in the answer to its creation: keep it then, it is never
 * shown again.
 *
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param prefix the token's first 12 characters, to tell keys apart
 */
public record ApiKey(
    String id,
    String name,
    String role,
    String prefix,
    Instant createdAt,
    Instant revokedAt,
    boolean revoked,
    String token) {

  /** This key without its token, e.g. for printing. */
  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", name=" + name + ", role=" + role + ", prefix=" + prefix + "]";
  }
}
