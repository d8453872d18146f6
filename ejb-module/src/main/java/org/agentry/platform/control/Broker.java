package org.agentry.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends to the message broker through the ActiveMQ Classic resource adapter. Inside a JTA
 * transaction the send joins it: the message is delivered only if the transaction commits.
 *
 * <p>Outside one, the send commits on its own.
 *
 * <p>The adapter does not implement the JMS 2.0 simplified API, so this uses a transacted classic
 * {@link Session} and a persistent send with an explicit priority.
 */
@ApplicationScoped
public class Broker {

  /** JNDI name of the connection factory defined by the platform. */
  public static final String CONNECTION_FACTORY = "java:app/jms/agentry";

  /** The resource adapter's name: Payara names a deployed RAR after its file. */
  public static final String RESOURCE_ADAPTER = "activemq-rar-6.1.8";

  /**
   * A property of the connection factory's definition for WildFly, which gives the factory an
   * adapter instance of its own, configured from the RAR's defaults ({@code tcp://localhost:61616})
   * unless told otherwise: the {@code ra.} prefix sends the value to that instance, and WildFly
   * resolves {@code ${agentry.broker.url}} from its system properties. Payara shares the deployed
   * adapter: it finds no setter of this name on the factory, logs so once at deployment (RAR7097)
   * and leaves the property aside.
   */
  public static final String WILDFLY_ADAPTER_SERVER_URL = "ra.ServerUrl=${agentry.broker.url}";

  @Resource(lookup = CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "agentry.broker.url")
  String brokerUrl;

  /**
   * Sends a persistent text message to a queue.
   *
   * @param queue the physical queue name, e.g. {@code agentry.tasks}
   * @param body the message text: an id or small JSON, never a serialised object
   * @param priority JMS priority, 0 (lowest) to 9 (highest)
   * @throws IllegalArgumentException if the priority is outside 0–9
   * @throws JMSException if the broker cannot take the message
   */
  public void send(String queue, String body, int priority) throws JMSException {
    sendAll(queue, List.of(new Outgoing(body, priority)));
  }

  /**
   * A message to send.
   *
   * @param body the message text: an id or small JSON, never a serialised object
   * @param priority JMS priority, 0 (lowest) to 9 (highest)
   * @throws IllegalArgumentException if the priority is outside 0–9
   */
  public record Outgoing(String body, int priority) {
    public Outgoing {
      if (priority < 0 || priority > 9) {
        throw new IllegalArgumentException("JMS priority must be 0 to 9, was " + priority);
      }
    }
  }

  /**
   * Sends persistent text messages to a queue in one broker transaction: all are delivered or none.
   *
   * @param queue the physical queue name, e.g. {@code agentry.tasks}
   * @throws JMSException if the broker cannot take them
   */
  public void sendAll(String queue, List<Outgoing> messages) throws JMSException {
    try (var connection = connectionFactory.createConnection();
        var session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
      var producer = session.createProducer(session.createQueue(queue));
      for (var message : messages) {
        producer.send(
            session.createTextMessage(message.body()),
            DeliveryMode.PERSISTENT,
            message.priority(),
            0);
      }
      // outside JTA the adapter may hand out a non-transacted session, which sent at once
      if (transactions.getTransactionKey() == null && session.getTransacted()) {
        session.commit();
      }
    }
  }

  /**
   * Opens and closes a connection, to prove the broker answers.
   *
   * @throws JMSException if it does not
   */
  public void ping() throws JMSException {
    try (var connection = connectionFactory.createConnection()) {
      connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
    }
  }

  /** {@code embedded} for an in-process broker ({@code vm://}), {@code external} otherwise. */
  public String kind() {
    return brokerUrl != null && brokerUrl.startsWith("vm:") ? "embedded" : "external";
  }
}
