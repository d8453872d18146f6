package org.agentry.task.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.entity.Task;

/** Opaque paging cursors: URL-safe Base64 of {@code <createdAt>|<id>} of the last task seen. */
final class Cursors {

  private Cursors() {}

  static String of(Task last) {
    var text = last.getCreatedAt() + "|" + last.getId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws ApiException 400 for a cursor this server did not make
   */
  static TaskQueries.Cursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      var bar = text.indexOf('|');
      var createdAt = Instants.parseOrNull(text.substring(0, bar));
      if (createdAt == null) {
        throw new IllegalArgumentException("not a creation time");
      }
      return new TaskQueries.Cursor(createdAt, text.substring(bar + 1));
    } catch (RuntimeException e) {
      throw ApiException.validation("'cursor' is not a cursor from this API.");
    }
  }
}
