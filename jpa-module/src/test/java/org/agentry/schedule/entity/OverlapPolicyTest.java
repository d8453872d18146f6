package org.agentry.schedule.entity;

import static org.agentry.schedule.entity.OverlapPolicy.Action.BUFFER;
import static org.agentry.schedule.entity.OverlapPolicy.Action.FIRE;
import static org.agentry.schedule.entity.OverlapPolicy.Action.SKIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OverlapPolicyTest {

  @Test
  void everyPolicyFiresWhenThePreviousTaskHasEnded() {
    for (var policy : OverlapPolicy.values()) {
      assertEquals(FIRE, policy.onDue(false, true), policy.name());
      assertEquals(FIRE, policy.onDue(false, false), policy.name());
    }
  }

  @Test
  void whileThePreviousTaskIsActiveEachPolicyDecidesDifferently() {
    assertEquals(SKIP, OverlapPolicy.SKIP.onDue(true, true));
    assertEquals(FIRE, OverlapPolicy.ALLOW.onDue(true, true));
    assertEquals(BUFFER, OverlapPolicy.BUFFER_ONE.onDue(true, true));
    assertEquals(SKIP, OverlapPolicy.BUFFER_ONE.onDue(true, false), "only one is buffered");
  }

  @Test
  void apiNamesRoundTripAndDefaultToSkip() {
    assertEquals(OverlapPolicy.SKIP, OverlapPolicy.fromApiName(null));
    for (var policy : OverlapPolicy.values()) {
      assertEquals(policy, OverlapPolicy.fromApiName(policy.apiName()));
    }
    assertEquals("buffer_one", OverlapPolicy.BUFFER_ONE.apiName());
    assertThrows(IllegalArgumentException.class, () -> OverlapPolicy.fromApiName("queue"));
  }
}
