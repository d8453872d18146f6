package org.agentry.schedule.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.schedule.control.InvalidScheduleException;
import org.junit.jupiter.api.Test;

class CronPreviewTest {

  private static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z"); // a Friday

  @Test
  void weekdayMorningsInParisAcrossTheSpringChange() {
    var preview = CronPreview.of("0 9 * * 1-5", "Europe/Paris", 3, NOW);
    // 09:00 CET is 08:00Z; after the change on Sunday 29 March, 09:00 CEST is 07:00Z
    assertEquals(
        List.of(
            Instant.parse("2026-03-30T07:00:00Z"),
            Instant.parse("2026-03-31T07:00:00Z"),
            Instant.parse("2026-04-01T07:00:00Z")),
        preview.next());
    assertEquals("Europe/Paris", preview.timeZone());
  }

  @Test
  void fiveInUtcByDefault() {
    var preview = CronPreview.of("*/15 * * * *", null, null, NOW);
    assertEquals("UTC", preview.timeZone());
    assertEquals(5, preview.next().size());
    assertEquals(Instant.parse("2026-03-27T12:15:00Z"), preview.next().get(0));
  }

  @Test
  void anExpressionThatNeverFiresHasNoTimes() {
    assertEquals(List.of(), CronPreview.of("0 0 30 2 *", "UTC", 5, NOW).next());
  }

  @Test
  void badInputIsRefused() {
    assertEquals(
        "VALIDATION_FAILED",
        assertThrows(ApiException.class, () -> CronPreview.of(" ", "UTC", 5, NOW))
            .problem()
            .code());
    for (int count : new int[] {0, 21}) {
      assertThrows(ApiException.class, () -> CronPreview.of("* * * * *", "UTC", count, NOW));
    }
    assertThrows(InvalidScheduleException.class, () -> CronPreview.of("61 * * * *", "UTC", 5, NOW));
    assertThrows(
        InvalidScheduleException.class, () -> CronPreview.of("* * * * *", "Mars/Base", 5, NOW));
  }
}
