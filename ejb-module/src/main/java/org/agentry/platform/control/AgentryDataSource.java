package org.agentry.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link DataSource} that picks its driver from the JDBC URL, so that one {@code
 * DataSourceDefinition} serves both the embedded default ({@code jdbc:h2:…}) and production ({@code
 * jdbc:postgresql://…}). The container's connection pool sets {@code url}, {@code user} and {@code
 * password} as bean properties and pools what this returns.
 *
 * <p>The definition's values are Payara placeholders ({@code ${MPCONFIG=agentry.db.url}}), which
 * Payara resolves. WildFly does not know that syntax: it sets the URL empty, and passes the user
 * and password to {@link #getConnection(String, String)} unresolved. A URL that arrives blank, and
 * any value still holding {@code ${…}}, is therefore read here from MicroProfile Config ({@code
 * agentry.db.url}, {@code agentry.db.user}, {@code agentry.db.password}), so that one definition
 * serves both servers. A blank user or password keeps its meaning (none).
 *
 * @see DatabaseKind
 */
public class AgentryDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private DataSource delegate;

  public void setUrl(String url) {
    this.url = url;
    this.delegate = null;
  }

  /** Alias of {@link #setUrl}, as some pools spell the property {@code URL}. */
  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
    this.delegate = null;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
    this.delegate = null;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // WildFly's pool passes the definition's user and password here, placeholders and all
    return delegate()
        .getConnection(
            orSetting(username, "agentry.db.user"), orSetting(password, "agentry.db.password"));
  }

  private synchronized DataSource delegate() throws SQLException {
    if (delegate == null) {
      delegate = create();
    }
    return delegate;
  }

  private DataSource create() throws SQLException {
    var url =
        this.url == null || this.url.isBlank()
            ? setting("agentry.db.url")
            : orSetting(this.url, "agentry.db.url");
    var user = orSetting(this.user, "agentry.db.user");
    var password = orSetting(this.password, "agentry.db.password");
    return switch (DatabaseKind.fromJdbcUrl(url)) {
      case H2 -> {
        var h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user == null ? "" : user);
        h2.setPassword(password == null ? "" : password);
        yield h2;
      }
      case POSTGRESQL -> {
        var pg = new PGSimpleDataSource();
        pg.setURL(url);
        if (user != null && !user.isBlank()) {
          pg.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
          pg.setPassword(password);
        }
        yield pg;
      }
    };
  }

  /** Whether a value set by the server is a placeholder it did not resolve ({@code ${…}}). */
  static boolean unresolved(String value) {
    return value != null && value.contains("${");
  }

  /** The value, or the setting of that name when the value is {@link #unresolved}. */
  private static String orSetting(String value, String key) {
    return unresolved(value) ? setting(key) : value;
  }

  /** A setting from MicroProfile Config, or null when it is absent. */
  private static String setting(String key) {
    return ConfigProvider.getConfig(AgentryDataSource.class.getClassLoader())
        .getOptionalValue(key, String.class)
        .orElse(null);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
