package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

  @Test
  void wordsAreSplitOnBlanksAndQuotesHoldSpaces() throws Exception {
    assertEquals(
        List.of("git", "log", "-n", "3", "--format=%h %s", "a b", ""),
        CommandLine.parse("  git log\t-n 3 \"--format=%h %s\" 'a b' ''"));
  }

  @Test
  void globsAndTildesAreNotExpanded() throws Exception {
    assertEquals(List.of("ls", "*.txt", "~"), CommandLine.parse("ls *.txt ~"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ls; rm x",
        "ls | wc",
        "ls && id",
        "sleep 1 &",
        "echo $HOME",
        "echo `id`",
        "echo x > f",
        "cat < f",
        "echo a\nid",
        "echo 'a;b'",
        "echo a\\ b"
      })
  void shellMetacharactersAreRefusedEvenInQuotes(String line) {
    var error = assertThrows(ToolException.class, () -> CommandLine.parse(line));
    assertEquals(true, error.getMessage().contains("there is no shell"), error.getMessage());
  }

  @Test
  void anOpenQuoteOrAnEmptyLineIsRefused() {
    assertThrows(ToolException.class, () -> CommandLine.parse("echo 'open"));
    assertThrows(ToolException.class, () -> CommandLine.parse("   "));
  }
}
