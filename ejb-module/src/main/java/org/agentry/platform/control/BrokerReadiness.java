package org.agentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a connection to the message broker can be opened. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Inject Broker broker;

  @Override
  public HealthCheckResponse call() {
    var check = HealthCheckResponse.named("broker");
    try {
      broker.ping();
      return check.up().build();
    } catch (JMSException | RuntimeException e) {
      return check.down().withData("error", "broker unreachable").build();
    }
  }
}
