package org.agentry.mcp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class McpToolNamesTest {

  @Test
  void modelNamesKeepOnlyWhatProvidersAccept() {
    assertEquals("mcp_github_create_issue", McpToolNames.modelName("github", "create_issue"));
    assertEquals("mcp_fs_read_file", McpToolNames.modelName("fs", "read.file"));
    assertEquals("mcp_my-srv_a_b_c-d", McpToolNames.modelName("my-srv", "a/b c-d"));
    assertTrue(McpToolNames.modelName("x", "ünï").matches("[A-Za-z0-9_-]+"));
  }

  @Test
  void longNamesAreCutWithADigestSoThatTheyStayApart() {
    var a = McpToolNames.modelName("server", "t".repeat(80) + "a");
    var b = McpToolNames.modelName("server", "t".repeat(80) + "b");
    assertEquals(64, a.length());
    assertNotEquals(a, b);
    assertTrue(a.matches("mcp_server_t+_[0-9a-f]{8}"), a);
  }

  @Test
  void theServerIsWhatComesBeforeTheFirstUnderscore() {
    assertEquals("my-srv", McpToolNames.serverOf("mcp_my-srv_read_file"));
    assertNull(McpToolNames.serverOf("read_file"));
    assertNull(McpToolNames.serverOf("mcp__x"));
    assertNull(McpToolNames.serverOf("mcp_only"));
  }

  @Test
  void entriesNameAServerAndOneToolOrAll() {
    var all = McpToolNames.entry("mcp:github/*");
    assertEquals("github", all.server());
    assertTrue(all.covers("github", "anything"));
    assertFalse(all.covers("gitlab", "anything"));
    var one = McpToolNames.entry("mcp:github/create_issue");
    assertTrue(one.covers("github", "create_issue"));
    assertFalse(one.covers("github", "delete_repo"));
    for (var bad :
        new String[] {"mcp:", "mcp:GitHub/x", "mcp:github", "mcp:github/", "mcp:a/b/c"}) {
      assertThrows(InvalidInputException.class, () -> McpToolNames.entry(bad), bad);
    }
  }
}
