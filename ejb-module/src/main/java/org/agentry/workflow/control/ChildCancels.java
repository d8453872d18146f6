package org.agentry.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.task.boundary.Tasks;
import org.agentry.tenant.control.CallerTenant;

/**
 * Cancels the children of a cancelled task after its transaction committed, one transaction per
 * child (through the {@link Tasks} boundary, so each is audited and cascades to its own children).
 * A child that ended meanwhile is left alone.
 */
@ApplicationScoped
public class ChildCancels {

  private static final Logger LOG = Logger.getLogger(ChildCancels.class.getName());

  /**
   * The children of a cancelled task that were active when it was cancelled.
   *
   * @param tenant the tenant of the task and its children
   */
  public record Cancel(String tenant, List<String> taskIds) {}

  @Inject Tasks tasks;

  @Inject CallerTenant callerTenant;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Cancel cancel) {
    callerTenant.workFor(cancel.tenant()); // also when the parent ended in the background
    for (var id : cancel.taskIds()) {
      try {
        tasks.cancel(id);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, () -> "child task " + id + " was not cancelled: " + e);
      }
    }
  }
}
