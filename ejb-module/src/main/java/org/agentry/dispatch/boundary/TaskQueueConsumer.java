package org.agentry.dispatch.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.dispatch.control.TaskRunner;
import org.agentry.platform.control.Broker;

/**
 * Takes task ids off the task queue, highest JMS priority first, and runs the tasks. Delivery is
 * outside any transaction and the message is acknowledged when this returns: the task's lease, not
 * the message, keeps it from being lost. Concurrency per node is {@code
 * agentry.dispatch.concurrency} (default 8); each consumer prefetches one message, so priority
 * order holds across consumers.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = TaskQueue.QUEUE),
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = Broker.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "maxSessions",
          propertyValue = "${agentry.dispatch.concurrency}"),
      @ActivationConfigProperty(propertyName = "maxMessagesPerSessions", propertyValue = "1"),
      @ActivationConfigProperty(
          propertyName = "acknowledgeMode",
          propertyValue = "Auto-acknowledge")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskQueueConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(TaskQueueConsumer.class.getName());

  @Inject TaskRunner runner;

  @Override
  public void onMessage(Message message) {
    try {
      if (message instanceof TextMessage text) {
        runner.run(text.getText());
      }
    } catch (JMSException | RuntimeException e) {
      // never rethrow: redelivery would not help; the sweeper re-queues what is left
      LOG.log(Level.WARNING, "Task message not handled", e);
    }
  }
}
