package org.agentry.platform.rest;

import java.time.DateTimeException;
import java.time.Instant;

/** Parses instants given as request parameters (ISO-8601, e.g. {@code 2026-01-31T09:00:00Z}). */
public final class Instants {

  private Instants() {}

  /**
   * The instant, or null when the parameter is absent.
   *
   * @param name the parameter's name, for the problem's detail
   * @throws ApiException 400 {@code VALIDATION_FAILED} when the text is not an ISO-8601 instant
   */
  public static Instant parse(String text, String name) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeException e) {
      throw ApiException.validation("'" + name + "' must be an ISO-8601 instant.");
    }
  }
}
