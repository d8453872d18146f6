package org.agentry.provider.control;

import java.time.Duration;
import java.util.Optional;

/**
 * A model provider call failed. The message is safe to log and show: it never holds an API key or
 * the request body.
 */
public class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final boolean retriable;
  private final Duration retryAfter;

  /**
   * A failure.
   *
   * @param message what went wrong, free of secrets
   * @param statusCode the provider's HTTP status, or 0 when there was no HTTP response
   * @param retriable whether the same call may succeed later (429, 5xx, timeouts, I/O errors)
   * @param retryAfter how long the provider asked us to wait, or {@code null}
   * @param cause the underlying failure, or {@code null}; must itself be free of secrets
   */
  public ProviderException(
      String message, int statusCode, boolean retriable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  /** The failure of a call interrupted while waiting; not retriable. */
  static ProviderException interrupted() {
    return new ProviderException("provider call interrupted", 0, false, null, null);
  }

  /** The provider's HTTP status code, or 0 when the call got no HTTP response. */
  public int statusCode() {
    return statusCode;
  }

  /** Whether trying the same call again later may succeed. */
  public boolean retriable() {
    return retriable;
  }

  /** The wait the provider asked for ({@code Retry-After}), if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
