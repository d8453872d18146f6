package org.agentry.provider.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks us to wait: the {@code Retry-After} header of RFC 9110 §10.2.3
 * (delay in seconds or an HTTP-date), or OpenAI's {@code retry-after-ms} (delay in ms).
 */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * The wait asked for by a failed response, if it says one.
   *
   * @param failure the response
   * @param now the current time, against which an HTTP-date is measured
   * @return the wait, never negative; empty if no header or an unreadable one
   */
  static Optional<Duration> of(HttpStatusException failure, Instant now) {
    Optional<Duration> millis = failure.header("retry-after-ms").flatMap(value -> number(value, 1));
    return millis.isPresent()
        ? millis
        : failure.header("retry-after").flatMap(value -> parse(value, now));
  }

  /**
   * Parses a {@code Retry-After} value.
   *
   * @param value delay-seconds (e.g. {@code 2}) or an IMF-fixdate (e.g. {@code Wed, 21 Oct 2015
   *     07:28:00 GMT})
   * @param now the current time
   * @return the wait, never negative; empty if the value is unreadable
   */
  static Optional<Duration> parse(String value, Instant now) {
    String trimmed = value.trim();
    Optional<Duration> seconds = number(trimmed, 1000);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String value, long millisPerUnit) {
    try {
      double amount = Double.parseDouble(value.trim());
      if (!(amount >= 0) || amount > 1e9) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(Math.round(amount * millisPerUnit)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
