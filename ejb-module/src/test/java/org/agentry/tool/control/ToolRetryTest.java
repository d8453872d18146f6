package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class ToolRetryTest {

  private static ToolRetry retry(String settings) {
    return ToolRetry.forTool(AgentToolSettingsTest.spec("{\"shell\":" + settings + "}"), "shell");
  }

  @Test
  void withoutOnErrorACallRunsOnce() {
    assertEquals(ToolRetry.NONE, retry("{}"));
    assertEquals(1, ToolRetry.forTool(null, "shell").maxAttempts());
  }

  @Test
  void theBackoffDoublesFromTheSecondAttempt() {
    var retry = retry("{\"onError\":{\"retry\":{\"maxAttempts\":4,\"backoff\":\"PT0.2S\"}}}");
    assertEquals(4, retry.maxAttempts());
    assertEquals(Duration.ofMillis(200), retry.delayBefore(2));
    assertEquals(Duration.ofMillis(400), retry.delayBefore(3));
    assertEquals(Duration.ofMillis(800), retry.delayBefore(4));
    var defaults = retry("{\"onError\":{\"retry\":{\"maxAttempts\":2}}}");
    assertEquals(Duration.ofMillis(200), defaults.delayBefore(2), "the default backoff");
  }

  @Test
  void repairAndEscalateCombineWithRetry() {
    var settings =
        "{\"shell\":{\"onError\":{\"retry\":{\"maxAttempts\":3},\"repair\":{},"
            + "\"escalate\":true}}}";
    var recovery = ToolRecovery.forTool(AgentToolSettingsTest.spec(settings), "shell");
    assertEquals(3, recovery.retry().maxAttempts());
    assertEquals(ToolRecovery.DEFAULT_REPAIRS, recovery.repairs(), "the default repair attempts");
    assertTrue(recovery.escalate());
    var repairOnly =
        ToolRecovery.forTool(
            AgentToolSettingsTest.spec(
                "{\"shell\":{\"onError\":{\"repair\":{\"maxAttempts\":4}}}}"),
            "shell");
    assertEquals(new ToolRecovery(ToolRetry.NONE, 4, false), repairOnly);
    assertEquals(
        ToolRecovery.NONE, ToolRecovery.forTool(AgentToolSettingsTest.spec("{}"), "shell"));
  }

  @Test
  void badPoliciesAreRefusedNamingTheField() {
    for (var bad :
        List.of(
            "{\"onError\":\"retry\"}",
            "{\"onError\":{\"retry\":{}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":0}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":11}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":2.5}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":2,\"backoff\":\"soon\"}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":2,\"backoff\":\"PT61S\"}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":2,\"backoff\":\"-PT1S\"}}}",
            "{\"onError\":{\"retry\":{\"maxAttempts\":2,\"jitter\":true}}}",
            "{\"onError\":{}}",
            "{\"onError\":{\"escalate\":\"yes\"}}",
            "{\"onError\":{\"repair\":true}}",
            "{\"onError\":{\"repair\":{\"maxAttempts\":0}}}",
            "{\"onError\":{\"repair\":{\"maxAttempts\":11}}}",
            "{\"onError\":{\"repair\":{\"tries\":2}}}",
            "{\"onError\":{\"report\":true}}")) {
      var e =
          assertThrows(
              InvalidInputException.class,
              () -> ToolRetry.check(AgentToolSettingsTest.spec("{\"shell\":" + bad + "}")),
              bad);
      assertEquals(true, e.getMessage().contains("'toolSettings.shell.onError'"), e.getMessage());
    }
  }
}
