package org.agentry.platform.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * An opaque paging cursor: the position of the last item seen in a list ordered by creation time
 * and then id, sent as URL-safe Base64 (RFC 4648 §5, without padding) of {@code <createdAt>|<id>}.
 *
 * @param createdAt the last item's creation time
 * @param id the last item's id
 */
public record KeysetCursor(Instant createdAt, String id) {

  /** The cursor as sent to clients. */
  public String encode() {
    var text = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor sent back by a client.
   *
   * @param cursor as {@link #encode()} made it, or null or blank for the first page
   * @return the position, or null for the first page
   * @throws ApiException 400 {@code VALIDATION_FAILED} for a cursor this server did not make
   */
  public static KeysetCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      var bar = text.indexOf('|');
      var createdAt = Instants.parseOrNull(text.substring(0, bar)); // years 1-9999 only
      if (createdAt == null) {
        throw new IllegalArgumentException("not a creation time");
      }
      return new KeysetCursor(createdAt, text.substring(bar + 1));
    } catch (RuntimeException e) {
      throw ApiException.validation("'cursor' is not a cursor from this API.");
    }
  }
}
