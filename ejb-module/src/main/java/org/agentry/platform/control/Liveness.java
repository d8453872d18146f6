package org.agentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Live while the application is deployed and answering; dependencies are readiness concerns. */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("application");
  }
}
