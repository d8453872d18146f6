package org.agentry.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.agentry.platform.control.Broker;

/** Sends and drains a queue inside container-managed transactions, for the priority test. */
@Stateless
public class PriorityProbe {

  @Inject Broker broker;

  @Resource(lookup = Broker.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  /** Sends one message per priority, all in this method's single JTA transaction. */
  public void sendInOneTransaction(String queue, List<Integer> priorities) throws JMSException {
    for (int priority : priorities) {
      broker.send(queue, "priority " + priority, priority);
    }
  }

  /** Receives up to {@code count} messages and returns their JMS priorities in arrival order. */
  public List<Integer> receivePriorities(String queue, int count) throws JMSException {
    var priorities = new ArrayList<Integer>();
    try (var connection = connectionFactory.createConnection();
        var session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
      var consumer = session.createConsumer(session.createQueue(queue));
      connection.start();
      while (priorities.size() < count) {
        var message = consumer.receive(10_000);
        if (message == null) {
          break;
        }
        priorities.add(message.getJMSPriority());
      }
    }
    return priorities;
  }
}
