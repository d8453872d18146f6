package org.agentry.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.agentry.platform.control.Broker;
import org.agentry.platform.control.DatabaseKind;

/** What the running server is: its name, version, database kind and broker kind. */
@Stateless
public class SystemInfo {

  /** The server's identity, e.g. {@code ("agentry", "0.1.0", "postgresql", "external")}. */
  public record Info(String name, String version, String databaseKind, String brokerKind) {}

  private static final String VERSION = loadVersion();

  @Resource(lookup = PlatformStartup.DATASOURCE)
  DataSource dataSource;

  @Inject Broker broker;

  /**
   * Describes this server.
   *
   * @throws IllegalStateException if the database cannot be reached
   */
  public Info describe() {
    return new Info("agentry", VERSION, databaseKind().apiName(), broker.kind());
  }

  /**
   * The build's version (from {@code org/agentry/platform/version.properties}), e.g. {@code 0.1.0}.
   */
  public static String version() {
    return VERSION;
  }

  private DatabaseKind databaseKind() {
    try (var connection = dataSource.getConnection()) {
      return DatabaseKind.fromJdbcUrl(connection.getMetaData().getURL());
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable", e);
    }
  }

  private static String loadVersion() {
    try (var in =
        SystemInfo.class.getResourceAsStream("/org/agentry/platform/version.properties")) {
      var properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
