package org.agentry.dispatch.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.agentry.dispatch.control.TaskRunner;

/**
 * Runs a task on the container's asynchronous pool instead of a queue consumer: the sweeper's way
 * to move tasks whose messages the broker stopped delivering. The claim still decides who runs it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskFallback {

  @Inject TaskRunner runner;

  /** Claims and runs the task, if it can be claimed, in the background. */
  @Asynchronous
  public void run(String taskId) {
    runner.run(taskId);
  }
}
