package org.agentry.security.control;

/** OpenID Connect is not configured, or the identity provider cannot be reached. */
public class OidcUnavailableException extends RuntimeException {

  public OidcUnavailableException(String message) {
    super(message);
  }
}
