package org.agentry.security.http;

import jakarta.security.enterprise.credential.Credential;

/** The token of an {@code Authorization: Bearer} header. */
public record BearerTokenCredential(String token) implements Credential {

  @Override
  public String toString() {
    return "BearerTokenCredential[token=<hidden>]";
  }
}
