package org.agentry.provider.control;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;

/**
 * Classes whatever a provider call threw as a {@link ProviderException}: retriable (HTTP 408, 429,
 * 5xx, timeouts, I/O errors) or not (other 4xx, spend limits, anything else). LangChain4j wraps the
 * HTTP client's exception, so the cause chain is searched.
 */
final class ProviderFailures {

  private ProviderFailures() {}

  /**
   * The provider exception for a failure.
   *
   * @param failure what the call threw
   * @param now the current time, for {@code Retry-After} dates
   */
  static ProviderException classify(Throwable failure, Instant now) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProviderException known) {
        return known;
      }
      if (t instanceof HttpStatusException status) {
        return ofStatus(
            status.statusCode(), status.body(), RetryAfter.of(status, now).orElse(null));
      }
      if (t instanceof HttpException status) {
        return ofStatus(status.statusCode(), status.getMessage(), null);
      }
    }
    return ofTransport(failure);
  }

  /**
   * The provider exception for a non-2xx response. The body only feeds a short, masked detail.
   *
   * @param status the HTTP status
   * @param body the error document, possibly {@code null}
   * @param retryAfter the wait the provider asked for, or {@code null}
   */
  static ProviderException ofStatus(int status, String body, Duration retryAfter) {
    boolean spendLimit = ErrorDetail.isSpendLimit(body);
    boolean retriable = !spendLimit && (status == 408 || status == 429 || status >= 500);
    String detail = ErrorDetail.of(body);
    String message =
        "provider returned HTTP "
            + status
            + " ("
            + (spendLimit ? "spend limit reached" : reason(status))
            + ")"
            + (detail.isEmpty() ? "" : ": " + detail);
    return new ProviderException(message, status, retriable, retryAfter, null);
  }

  private static ProviderException ofTransport(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpTimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return new ProviderException("provider call timed out", 0, true, null, t);
      }
      if (t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof UnresolvedAddressException
          || t instanceof UnresolvedModelServerException) {
        return new ProviderException(
            "provider unreachable (" + t.getClass().getSimpleName() + ")", 0, true, null, t);
      }
      if (t instanceof InterruptedException) {
        return ProviderException.interrupted();
      }
    }
    return new ProviderException(
        "provider call failed (" + failure.getClass().getSimpleName() + ")",
        0,
        false,
        null,
        failure);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "authentication failed, check the API key";
      case 403 -> "forbidden";
      case 404 -> "not found, check the base URL and model name";
      case 408 -> "request timeout";
      case 413 -> "request too large";
      case 429 -> "rate limited";
      default -> status >= 500 ? "provider error" : "rejected";
    };
  }
}
