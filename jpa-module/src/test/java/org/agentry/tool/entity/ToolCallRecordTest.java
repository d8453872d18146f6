package org.agentry.tool.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ToolCallRecordTest {

  private static final ToolCallOrigin ORIGIN = new ToolCallOrigin("default", "a", "s", null);

  @Test
  void capsLongResultsAt16KiB() {
    var record = record("x".repeat(20_000));
    assertTrue(record.isTruncated());
    assertEquals(16 * 1024, record.getResult().length());
  }

  @Test
  void keepsShortResultsWhole() {
    var record = record("short");
    assertFalse(record.isTruncated());
    assertEquals("short", record.getResult());
  }

  private static ToolCallRecord record(String result) {
    return new ToolCallRecord(ORIGIN, "c", "read_file", "{}", result, null, 3, Instant.EPOCH);
  }
}
