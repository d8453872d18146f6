package org.agentry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agentry.platform.boundary.UnknownResourceException;
import org.junit.jupiter.api.Test;

class UnknownResourceExceptionTest {

  @Test
  void echoesIdsThatLookLikeIdsOnly() {
    var uuid = "0b8e4f5e-2a4e-4f6b-9d1c-3f1f5b8f2a10";
    assertEquals(
        "There is no task '" + uuid + "'.",
        new UnknownResourceException("task", uuid).getMessage());
    assertEquals(
        "There is no agent 'notes'.", new UnknownResourceException("agent", "notes").getMessage());
    for (var pasted : new String[] {"agentry_Qm9vX2Jhcg", "sk.proj.123", "a b", "x".repeat(65)}) {
      assertEquals(
          "There is no task with that id.",
          new UnknownResourceException("task", pasted).getMessage());
    }
    assertEquals("TASK_NOT_FOUND", new UnknownResourceException("task", null).code());
  }
}
