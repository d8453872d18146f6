package org.agentry.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agentry.platform.control.DatabaseKind;
import org.junit.jupiter.api.Test;

class ScheduleLocksTest {

  @Test
  void postgresqlPassesOverLockedRowsWhileH2Waits() {
    assertEquals(
        "SELECT id FROM schedule WHERE id = ? FOR UPDATE SKIP LOCKED",
        ScheduleLocks.sql(DatabaseKind.POSTGRESQL));
    assertEquals(
        "SELECT id FROM schedule WHERE id = ? FOR UPDATE", ScheduleLocks.sql(DatabaseKind.H2));
  }
}
