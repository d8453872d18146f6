package org.agentry.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.agentry.platform.boundary.PlatformStartup;

/**
 * Which database the application's datasource reaches, read from the JDBC URL once and kept: for
 * the few statements whose SQL differs between PostgreSQL and H2.
 */
@ApplicationScoped
public class Database {

  @Resource(lookup = PlatformStartup.DATASOURCE)
  DataSource dataSource;

  private volatile DatabaseKind kind;

  /**
   * The database's kind.
   *
   * @throws IllegalStateException if the database cannot be reached the first time
   */
  public DatabaseKind kind() {
    if (kind == null) {
      try (var connection = dataSource.getConnection()) {
        kind = DatabaseKind.fromJdbcUrl(connection.getMetaData().getURL());
      } catch (SQLException e) {
        throw new IllegalStateException("database unreachable", e);
      }
    }
    return kind;
  }
}
