package org.agentry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.agentry.platform.control.DatabaseKind;
import org.junit.jupiter.api.Test;

class DatabaseKindTest {

  @Test
  void tellsDatabasesApartByUrl() throws SQLException {
    assertEquals(DatabaseKind.H2, DatabaseKind.fromJdbcUrl("jdbc:h2:file:/tmp/x;MODE=PostgreSQL"));
    assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.fromJdbcUrl("jdbc:postgresql://db/agentry"));
    assertEquals("postgresql", DatabaseKind.POSTGRESQL.apiName());
  }

  @Test
  void refusesOtherDatabases() {
    assertThrows(SQLException.class, () -> DatabaseKind.fromJdbcUrl("jdbc:mysql://db/agentry"));
    assertThrows(SQLException.class, () -> DatabaseKind.fromJdbcUrl(null));
  }
}
