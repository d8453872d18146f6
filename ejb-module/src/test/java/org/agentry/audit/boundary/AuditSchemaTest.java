package org.agentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code audit_event} table as the migrations make it on H2 (the embedded default): instants
 * kept to the microsecond, required columns enforced.
 */
class AuditSchemaTest {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 12, 2, 1, 58, 3, 123_456_000, ZoneOffset.UTC);

  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    var url =
        "jdbc:h2:mem:audit-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    db = DriverManager.getConnection(url, "sa", "");
  }

  @AfterEach
  void close() throws SQLException {
    db.createStatement().execute("SHUTDOWN");
    db.close();
  }

  private void insert(String id, String action, String outcome) throws SQLException {
    try (var insert =
        db.prepareStatement(
            "INSERT INTO audit_event (id, occurred_at, actor, auth_method, tenant, action, outcome)"
                + " VALUES (?, ?, 'admin', 'admin-token', 'default', ?, ?)")) {
      insert.setString(1, id);
      insert.setObject(2, AT);
      insert.setString(3, action);
      insert.setString(4, outcome);
      insert.executeUpdate();
    }
  }

  @Test
  void instantsKeepMicroseconds() throws SQLException {
    insert("e1", "agent.create", "ok");
    try (var rs = db.createStatement().executeQuery("SELECT occurred_at FROM audit_event")) {
      assertTrue(rs.next());
      assertEquals(AT.toInstant(), rs.getObject(1, OffsetDateTime.class).toInstant());
    }
  }

  @Test
  void actionAndOutcomeAreRequired() {
    assertThrows(SQLException.class, () -> insert("e1", null, "ok"));
    assertThrows(SQLException.class, () -> insert("e2", "agent.create", null));
  }
}
