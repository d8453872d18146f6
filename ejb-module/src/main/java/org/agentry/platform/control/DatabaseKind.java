package org.agentry.platform.control;

import java.sql.SQLException;

/** The databases Agentry runs on, told apart by the JDBC URL's sub-protocol. */
public enum DatabaseKind {
  /** H2, the embedded default: {@code jdbc:h2:file:<data dir>/db/agentry;MODE=PostgreSQL…}. */
  H2,
  /** PostgreSQL, for production: {@code jdbc:postgresql://host:port/database}. */
  POSTGRESQL;

  /**
   * The kind named by a JDBC URL.
   *
   * @throws SQLException if the URL is missing or names another database
   */
  public static DatabaseKind fromJdbcUrl(String url) throws SQLException {
    if (url != null && url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new SQLException("agentry.db.url must start with jdbc:postgresql: or jdbc:h2:");
  }

  /** The lower-case name used in the API, e.g. {@code postgresql}. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
