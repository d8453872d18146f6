package org.agentry.task.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.agentry.task.entity.TaskEvent;

/**
 * The task events a transaction appended and has not written yet, in order. They are kept as a
 * resource of the current JTA transaction, so they are dropped with it when it ends unwritten.
 *
 * <p>Not a {@code @TransactionScoped} bean: Payara's transaction scope creates a JNDI {@code
 * InitialContext} at each access to such a bean and at each commit, which a JFR recording of the
 * task benchmark put at about 3 % of the server's samples; the registry is looked up once here.
 */
@ApplicationScoped
public class PendingEvents {

  /** The key of the list among the transaction's resources. */
  private static final Object KEY = new Object();

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Appends an event to the current transaction's.
   *
   * @throws IllegalStateException outside a transaction
   */
  void add(TaskEvent event) {
    @SuppressWarnings("unchecked")
    var events = (List<TaskEvent>) transactions.getResource(KEY);
    if (events == null) {
      events = new ArrayList<>();
      transactions.putResource(KEY, events);
    }
    events.add(event);
  }

  /**
   * Takes the current transaction's events, leaving none.
   *
   * @throws IllegalStateException outside a transaction
   */
  List<TaskEvent> drain() {
    @SuppressWarnings("unchecked")
    var events = (List<TaskEvent>) transactions.getResource(KEY);
    if (events == null || events.isEmpty()) {
      return List.of();
    }
    var drained = List.copyOf(events);
    events.clear();
    return drained;
  }
}
