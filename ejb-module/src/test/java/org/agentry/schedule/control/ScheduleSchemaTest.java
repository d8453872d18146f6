package org.agentry.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.agentry.platform.control.DatabaseKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule tables as the migrations make them on H2 in PostgreSQL mode (the embedded default):
 * one run per slot, one rhythm per schedule, runs deleted with their schedule, the H2 lock
 * statement accepted, instants kept to the microsecond.
 */
class ScheduleSchemaTest {

  private static final OffsetDateTime SLOT =
      OffsetDateTime.of(2026, 1, 10, 10, 0, 2, 123_456_000, ZoneOffset.UTC);

  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    var url =
        "jdbc:h2:mem:schedules-"
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

  @Test
  void aSlotIsRecordedOnce() throws SQLException {
    insertSchedule("s1", 2L, null);
    insertRun("s1", SLOT);
    var duplicate = assertThrows(SQLException.class, () -> insertRun("s1", SLOT));
    assertEquals("23505", duplicate.getSQLState(), "unique violation");
    insertRun("s1", SLOT.plusSeconds(2));
  }

  @Test
  void aScheduleHasAnIntervalOrACronNotBoth() throws SQLException {
    insertSchedule("cron", null, "0 9 * * *");
    assertThrows(SQLException.class, () -> insertSchedule("both", 2L, "0 9 * * *"));
    assertThrows(SQLException.class, () -> insertSchedule("neither", null, null));
  }

  @Test
  void runsGoWithTheirScheduleAndSlotsKeepMicroseconds() throws SQLException {
    insertSchedule("s1", 2L, null);
    insertRun("s1", SLOT);
    try (var rs = db.createStatement().executeQuery("SELECT slot FROM schedule_run")) {
      assertTrue(rs.next());
      assertEquals(SLOT.toInstant(), rs.getObject(1, OffsetDateTime.class).toInstant());
    }
    db.createStatement().execute("DELETE FROM schedule WHERE id = 's1'");
    try (var rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM schedule_run")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void theH2LockStatementFindsTheRow() throws SQLException {
    insertSchedule("s1", 2L, null);
    var sql = ScheduleLocks.sql(DatabaseKind.H2);
    try (var statement = db.prepareStatement(sql)) {
      statement.setString(1, "s1");
      try (var rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("s1", rs.getString(1));
      }
    }
  }

  private void insertSchedule(String id, Long interval, String cron) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "INSERT INTO schedule (id, name, agent_name, input, priority, tags, interval_seconds,"
                + " cron, time_zone, overlap, paused, anchor_at, next_run_at, created_at,"
                + " updated_at, version) VALUES (?, 'n', 'a', 'go', 4, '', ?, ?, 'UTC', 'SKIP',"
                + " FALSE, ?, ?, ?, ?, 0)")) {
      statement.setString(1, id);
      statement.setObject(2, interval);
      statement.setString(3, cron);
      for (int i = 4; i <= 7; i++) {
        statement.setObject(i, SLOT);
      }
      statement.executeUpdate();
    }
  }

  private void insertRun(String scheduleId, OffsetDateTime slot) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "INSERT INTO schedule_run (id, schedule_id, slot, outcome, reason, slot_count,"
                + " created_at) VALUES (?, ?, ?, 'FIRED', 'SCHEDULE', 1, ?)")) {
      statement.setString(1, UUID.randomUUID().toString());
      statement.setString(2, scheduleId);
      statement.setObject(3, slot);
      statement.setObject(4, slot);
      statement.executeUpdate();
    }
  }
}
