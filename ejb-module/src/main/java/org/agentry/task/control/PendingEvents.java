package org.agentry.task.control;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.agentry.task.entity.TaskEvent;

/** The task events a transaction appended and has not written yet, in order. */
@TransactionScoped
public class PendingEvents implements Serializable {

  private static final long serialVersionUID = 1L;

  private final transient List<TaskEvent> events = new ArrayList<>();

  void add(TaskEvent event) {
    events.add(event);
  }

  /** Takes the events, leaving none. */
  List<TaskEvent> drain() {
    var drained = List.copyOf(events);
    events.clear();
    return drained;
  }
}
