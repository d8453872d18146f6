package org.agentry.security.http;

import org.agentry.security.control.Tokens;

/** Compares a presented CSRF token with a session's stored digest, in constant time. */
final class CsrfTokens {

  private CsrfTokens() {}

  /** Whether {@code presented} is the token whose SHA-256 hex digest is {@code storedHash}. */
  static boolean matches(String presented, String storedHash) {
    return presented != null
        && !presented.isBlank()
        && Tokens.sameHash(Tokens.hash(presented.trim()), storedHash);
  }
}
