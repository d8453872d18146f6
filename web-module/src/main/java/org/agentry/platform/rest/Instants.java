package org.agentry.platform.rest;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Parses instants given as request parameters (ISO-8601, e.g. {@code 2026-01-31T09:00:00Z}), in the
 * years 1 to 9999: {@link Instant} reaches year ±1,000,000,000, PostgreSQL's {@code timestamptz}
 * only 4713 BC to 294276 AD, and a year outside the four digits of ISO-8601's basic form is no date
 * a client means.
 */
public final class Instants {

  /** The earliest instant the API takes. */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant the API takes. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Instants() {}

  /**
   * The instant, or null when the parameter is absent.
   *
   * @param name the parameter's name, for the problem's detail
   * @throws ApiException 400 {@code VALIDATION_FAILED} when the text is not an ISO-8601 instant in
   *     the years 1 to 9999
   */
  public static Instant parse(String text, String name) {
    if (text == null) {
      return null;
    }
    var instant = parseOrNull(text);
    if (instant == null) {
      throw ApiException.validation(
          "'" + name + "' must be an ISO-8601 instant in the years 1 to 9999.");
    }
    return instant;
  }

  /** The instant, or null when the text is not an ISO-8601 instant in the years 1 to 9999. */
  public static Instant parseOrNull(String text) {
    try {
      var instant = Instant.parse(text);
      return instant.isBefore(MIN) || instant.isAfter(MAX) ? null : instant;
    } catch (DateTimeException e) {
      return null;
    }
  }
}
