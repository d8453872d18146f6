package org.agentry.approval.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

  private static AgentSpec spec(String toolSettings) {
    return new AgentSpec(
        null,
        "p",
        "prov",
        "m",
        null,
        null,
        List.of("write_file"),
        null,
        true,
        null,
        null,
        Jsons.createReader(toolSettings).readObject(),
        null);
  }

  private static ApprovalPolicy policy(String settings) {
    return ApprovalPolicy.forTool(spec("{\"write_file\":" + settings + "}"), "write_file");
  }

  @Test
  void withoutASettingNoCallNeedsApproval() {
    var policy = ApprovalPolicy.forTool(spec("{}"), "write_file");
    assertFalse(policy.requires("{\"path\":\"a\"}"));
    assertEquals("operator", policy.approver());
    assertFalse(policy("{\"approval\":\"never\"}").requires("{}"));
    assertFalse(policy("{\"shell\":1}").requires("{}"), "other keys are other features'");
  }

  @Test
  void alwaysHoldsEveryCallEvenOneWithoutArguments() {
    var policy = policy("{\"approval\":\"always\",\"approver\":\"admin\"}");
    assertTrue(policy.requires("{\"path\":\"a\"}"));
    assertTrue(policy.requires(null));
    assertEquals("admin", policy.approver());
  }

  @Test
  void anArgumentPatternHoldsTheCallsWhoseValueItIsFoundIn() {
    var policy =
        policy("{\"approval\":{\"argument\":\"path\",\"matches\":\"^secrets/|\\\\.env$\"}}");
    assertTrue(policy.requires("{\"path\":\"secrets/key.txt\"}"));
    assertTrue(policy.requires("{\"path\":\"app/.env\"}"));
    assertFalse(policy.requires("{\"path\":\"notes/secrets/x\"}"), "anchored at the start");
    assertFalse(policy.requires("{\"path\":\"readme.md\"}"));
    assertFalse(policy.requires("{}"), "an absent argument is the empty string");
    assertFalse(policy.requires(""), "no arguments: an empty object");
    assertTrue(policy.requires("not json"), "unreadable arguments need approval");
    assertTrue(policy.requires("[1]"), "arguments that are no object need approval");
  }

  @Test
  void nonStringArgumentsAreMatchedAsTheirJsonText() {
    var policy = policy("{\"approval\":{\"argument\":\"count\",\"matches\":\"^[0-9]{3,}$\"}}");
    assertTrue(policy.requires("{\"count\":1000}"));
    assertFalse(policy.requires("{\"count\":12}"));
    var absent = policy("{\"approval\":{\"argument\":\"path\",\"matches\":\"^$\"}}");
    assertTrue(absent.requires("{}"), "an absent argument matches ^$");
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    for (var bad :
        List.of(
            "{\"approval\":\"sometimes\"}",
            "{\"approval\":true}",
            "{\"approval\":[\"always\"]}",
            "{\"approval\":{\"argument\":\"path\"}}",
            "{\"approval\":{\"matches\":\"x\"}}",
            "{\"approval\":{\"argument\":\"path\",\"matches\":\"\"}}",
            "{\"approval\":{\"argument\":\"path\",\"matches\":\"x\",\"extra\":1}}",
            "{\"approval\":{\"argument\":\"a b\",\"matches\":\"x\"}}",
            "{\"approval\":{\"argument\":\"path\",\"matches\":\"" + "a".repeat(501) + "\"}}",
            "{\"approval\":\"always\",\"approver\":\"viewer\"}",
            "{\"approval\":\"always\",\"approver\":7}")) {
      var e =
          assertThrows(
              InvalidApprovalPolicyException.class,
              () -> ApprovalPolicy.check(spec("{\"write_file\":" + bad + "}")),
              bad);
      assertTrue(e.getMessage().contains("'toolSettings.write_file."), e.getMessage());
    }
  }

  @Test
  void aPatternThatDoesNotCompileIsRefusedWithWhy() {
    var e =
        assertThrows(
            InvalidApprovalPolicyException.class,
            () -> policy("{\"approval\":{\"argument\":\"path\",\"matches\":\"(unclosed\"}}"));
    assertTrue(e.getMessage().contains("approval.matches"), e.getMessage());
  }
}
