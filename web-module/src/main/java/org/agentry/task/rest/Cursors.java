package org.agentry.task.rest;

import org.agentry.platform.rest.KeysetCursor;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.entity.Task;

/** Paging cursors of the task list: a {@link KeysetCursor} of the last task seen. */
final class Cursors {

  private Cursors() {}

  static String of(Task last) {
    return new KeysetCursor(last.getCreatedAt(), last.getId()).encode();
  }

  /**
   * @throws org.agentry.platform.rest.ApiException 400 for a cursor this server did not make
   */
  static TaskQueries.Cursor parse(String cursor) {
    var position = KeysetCursor.parse(cursor);
    return position == null ? null : new TaskQueries.Cursor(position.createdAt(), position.id());
  }
}
