package org.agentry.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.agentry.platform.boundary.PlatformStartup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a pooled database connection answers a validity check within 2 seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = PlatformStartup.DATASOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var check = HealthCheckResponse.named("database");
    try (var connection = dataSource.getConnection()) {
      return check.status(connection.isValid(2)).build();
    } catch (SQLException e) {
      return check.down().withData("error", "database unreachable").build();
    }
  }
}
