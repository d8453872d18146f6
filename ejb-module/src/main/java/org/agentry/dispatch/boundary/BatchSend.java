package org.agentry.dispatch.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.util.List;
import org.agentry.platform.control.Broker;

/**
 * Sends many messages in one JTA transaction of their own, with the broker as its only resource.
 *
 * <p>The transaction matters: called after the commit that made tasks runnable, outside any
 * transaction, the resource adapter hands out a session that sends each persistent message on its
 * own and waits for the broker to store it (a disk sync each: a resume of 1,000 tasks took 30 s and
 * fed the consumers at that pace). In a transaction the session is enlisted, and the broker stores
 * all of them in one commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BatchSend {

  @Inject Broker broker;

  /**
   * Sends the messages; they are delivered once this method's transaction commits.
   *
   * @throws JMSException if the broker refuses a message
   * @throws jakarta.ejb.EJBException if the commit fails
   */
  public void send(String queue, List<Broker.Outgoing> messages) throws JMSException {
    broker.sendAll(queue, messages);
  }
}
