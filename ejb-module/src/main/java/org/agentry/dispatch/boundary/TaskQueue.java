package org.agentry.dispatch.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.dispatch.control.DispatchSwitch;
import org.agentry.platform.control.Broker;
import org.agentry.task.control.TaskReady;

/**
 * The JMS task queue ({@value #QUEUE}): a message is a task id with the task's JMS priority.
 * Sending joins no transaction: the task's row is committed first, and a lost message is sent again
 * by the sweeper.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskQueue {

  /** The physical name of the task queue. */
  public static final String QUEUE = "agentry.tasks";

  private static final Logger LOG = Logger.getLogger(TaskQueue.class.getName());

  @Inject Broker broker;
  @Inject DispatchSwitch dispatchSwitch;
  @Inject BatchSend batch;

  /**
   * Sends the task id, unless dispatch is paused (resuming sends every runnable task); a failure is
   * logged, not thrown.
   *
   * @param priority JMS priority 0–9
   * @return whether the broker took the message
   */
  public boolean send(String taskId, int priority) {
    if (dispatchSwitch.paused()) {
      return false;
    }
    try {
      broker.send(QUEUE, taskId, priority);
      return true;
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "Task " + taskId + " not sent; the sweeper will send it", e);
      return false;
    }
  }

  /**
   * Sends the tasks' ids in one broker transaction ({@link BatchSend}), unless dispatch is paused;
   * a failure is logged, not thrown (the sweeper sends them again).
   *
   * @return how many messages the broker took: all or none
   */
  public int sendAll(List<TaskReady> tasks) {
    if (tasks.isEmpty() || dispatchSwitch.paused()) {
      return 0;
    }
    try {
      batch.send(
          QUEUE,
          tasks.stream().map(task -> new Broker.Outgoing(task.taskId(), task.priority())).toList());
      return tasks.size();
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, tasks.size() + " tasks not sent; the sweeper will send them again", e);
      return 0;
    }
  }
}
