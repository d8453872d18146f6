package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ToolOutputTest {

  @Test
  void textThatFitsIsUnchanged() {
    var text = "é".repeat(16); // 32 bytes
    assertSame(text, ToolOutput.cut(text, 32));
    assertNull(ToolOutput.cut(null, 32));
  }

  @Test
  void longTextIsCutWithANoteSayingHowMuchWasDropped() {
    var cut = ToolOutput.cut("a".repeat(40 * 1024), 32 * 1024);

    assertEquals("a".repeat(32 * 1024) + "\n[output cut: 8192 of 40960 bytes dropped]", cut);
  }

  @Test
  void neverCutsInsideAMultiByteCharacter() {
    // "é" is 2 bytes: 5 bytes hold two of them and half of the third, which must go whole
    var cut = ToolOutput.cut("ééé", 5);

    assertEquals("éé\n[output cut: 2 of 6 bytes dropped]", cut);
  }

  @Test
  void neverSplitsASurrogatePair() {
    var emoji = "😀"; // 4 bytes in UTF-8, two chars in Java
    var cut = ToolOutput.cut("ab" + emoji + emoji, 7);

    assertEquals("ab" + emoji + "\n[output cut: 4 of 10 bytes dropped]", cut);
    var head = cut.substring(0, cut.indexOf('\n'));
    assertTrue(head.getBytes(StandardCharsets.UTF_8).length <= 7);
  }

  @Test
  void countsBytesAsUtf8Encodes() {
    var text = "aé€😀\uD800";
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, ToolOutput.utf8Length(text));
  }
}
