package org.agentry.security.control;

/**
 * A token, ID token or sign-in response that does not verify. The message says why in words safe to
 * log; it never contains the token.
 */
public class InvalidTokenException extends Exception {

  public InvalidTokenException(String message) {
    super(message);
  }
}
