package org.agentry.schedule.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.schedule.entity.OverlapPolicy;
import org.junit.jupiter.api.Test;

class ScheduleRequestTest {

  private static final ScheduleRequest.TaskTemplate TASK =
      new ScheduleRequest.TaskTemplate(
          "summarise", Json.createValue("high"), List.of("daily"), 5, null, null);

  @Test
  void becomesASpecWithTheTaskApisPriorityNames() {
    var spec = request(TASK, "buffer_one", "2026-02-01T00:00:00Z").toSpec();
    assertEquals(7, spec.task().priority());
    assertEquals(List.of("daily"), spec.task().tags());
    assertEquals(OverlapPolicy.BUFFER_ONE, spec.overlap());
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), spec.startAt());
    assertNull(spec.task().notBefore());
  }

  @Test
  void aStartThatIsNoInstantIsAnInvalidSchedule() {
    var e = assertThrows(ApiException.class, () -> request(TASK, null, "tomorrow").toSpec());
    assertEquals(422, e.problem().status());
    assertEquals("INVALID_SCHEDULE", e.problem().code());
  }

  @Test
  void aMissingTaskOrUnknownPolicyIsAValidationFailure() {
    var noTask = assertThrows(ApiException.class, () -> request(null, null, null).toSpec());
    assertEquals("VALIDATION_FAILED", noTask.problem().code());
    var policy = assertThrows(ApiException.class, () -> request(TASK, "queue", null).toSpec());
    assertEquals(400, policy.problem().status());
  }

  private static ScheduleRequest request(
      ScheduleRequest.TaskTemplate task, String overlap, String startAt) {
    return new ScheduleRequest("nightly", "a", task, 60L, null, null, overlap, null, startAt, null);
  }
}
