package org.agentry.goal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * The goal tables as the migrations make them on H2 in PostgreSQL mode (the embedded default): a
 * step id once per goal and round, steps deleted with their goal, instants kept to the microsecond,
 * the agent's speculative model column.
 */
class GoalSchemaTest {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 12, 2, 13, 0, 2, 123_456_000, ZoneOffset.UTC);

  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    var url =
        "jdbc:h2:mem:goals-"
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
  void aStepIdIsUsedOncePerRoundAndStepsGoWithTheirGoal() throws SQLException {
    insertGoal("g1");
    insertStep("g1", 0, "a");
    insertStep("g1", 1, "a");
    var duplicate = assertThrows(SQLException.class, () -> insertStep("g1", 0, "a"));
    assertEquals("23505", duplicate.getSQLState(), "unique violation");

    db.createStatement().executeUpdate("DELETE FROM goal WHERE id = 'g1'");

    var left = db.createStatement().executeQuery("SELECT COUNT(*) FROM goal_step");
    left.next();
    assertEquals(0, left.getInt(1));
  }

  @Test
  void instantsKeepTheirMicroseconds() throws SQLException {
    insertGoal("g2");
    var row = db.createStatement().executeQuery("SELECT created_at FROM goal WHERE id = 'g2'");
    row.next();
    assertEquals(AT.toInstant(), row.getObject(1, OffsetDateTime.class).toInstant());
  }

  @Test
  void anAgentHasASpeculativeModelColumn() throws SQLException {
    var rows = db.createStatement().executeQuery("SELECT COUNT(speculative_model) FROM agent");
    rows.next();
    assertEquals(0, rows.getInt(1));
  }

  private void insertGoal(String id) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "INSERT INTO goal (id, goal_text, planner, agents, priority, status, replans_used,"
                + " repairs_used, created_at, updated_at, version)"
                + " VALUES (?, 'a goal', 'planner', '', 4, 'PLANNING', 0, 0, ?, ?, 0)")) {
      statement.setString(1, id);
      statement.setObject(2, AT);
      statement.setObject(3, AT);
      statement.executeUpdate();
    }
  }

  private void insertStep(String goal, int round, String step) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "INSERT INTO goal_step (id, goal_id, step_id, plan_round, agent_name, input, depends_on,"
                + " status, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, 'a', 'do', '', 'PENDING', ?, ?, 0)")) {
      statement.setString(1, UUID.randomUUID().toString());
      statement.setString(2, goal);
      statement.setString(3, step);
      statement.setInt(4, round);
      statement.setObject(5, AT);
      statement.setObject(6, AT);
      statement.executeUpdate();
    }
  }
}
