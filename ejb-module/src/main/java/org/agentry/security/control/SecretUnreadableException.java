package org.agentry.security.control;

/**
 * A sealed secret that cannot be opened: its key is not configured (a key rotated away without
 * being listed as previous), or the stored value was altered. The message names the key id, never
 * key material or the secret.
 */
public class SecretUnreadableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretUnreadableException(String message) {
    super(message);
  }
}
