package org.agentry.skill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class SkillMarkdownTest {

  @Test
  void readsNameDescriptionAndAllowedToolsAsAListOrAString() {
    var listed =
        SkillMarkdown.frontMatter(
            "---\nname: pdf\ndescription: \"Fill PDF forms: fields, checkboxes\"\n"
                + "allowed-tools:\n  - shell\n  - read_file\nlicense: MIT\n---\n# Body\n");
    assertEquals("pdf", listed.name());
    assertEquals("Fill PDF forms: fields, checkboxes", listed.description());
    assertEquals(List.of("shell", "read_file"), listed.allowedTools());

    var spelled =
        SkillMarkdown.frontMatter(
            "---\r\nname: a\r\ndescription: b\r\nallowed-tools: Read, Grep Glob\r\n---\r\n");
    assertEquals(List.of("Read", "Grep", "Glob"), spelled.allowedTools());
  }

  @Test
  void refusesTextWithoutFrontMatterOrWithBrokenYaml() {
    assertThrows(InvalidInputException.class, () -> SkillMarkdown.frontMatter("# no front matter"));
    assertThrows(
        InvalidInputException.class, () -> SkillMarkdown.frontMatter("---\nname: a\nno end\n"));
    assertThrows(
        InvalidInputException.class,
        () -> SkillMarkdown.frontMatter("---\nname: [unclosed\ndescription: x\n---\n"));
    assertThrows(
        InvalidInputException.class,
        () -> SkillMarkdown.frontMatter("---\nname: a\nname: b\ndescription: x\n---\n"));
    var notString =
        assertThrows(
            InvalidInputException.class,
            () -> SkillMarkdown.frontMatter("---\nname: 12\ndescription: x\n---\n"));
    assertTrue(notString.getMessage().contains("'name'"), notString.getMessage());
  }

  @Test
  void theNameMustFollowTheNamingRule() {
    assertThrows(
        InvalidInputException.class,
        () -> SkillMarkdown.definition("---\nname: Bad Name\ndescription: x\n---\nbody", Map.of()));
  }

  @Test
  void composeWritesFrontMatterThatReadsBackTheSame() {
    var definition =
        SkillMarkdown.compose(
            "notes", "Say: \"hi\" # not a comment", List.of("todo"), "Do it.\n", Map.of());
    assertTrue(definition.content().startsWith("---\n"), definition.content());
    assertTrue(definition.content().endsWith("---\nDo it.\n"), definition.content());
    var read = SkillMarkdown.frontMatter(definition.content());
    assertEquals("Say: \"hi\" # not a comment", read.description());
    assertEquals(List.of("todo"), read.allowedTools());
  }

  @Test
  void composeRefusesFieldsThatDisagreeWithTheContentsFrontMatter() {
    var content = "---\nname: a\ndescription: x\n---\nbody";
    assertEquals("a", SkillMarkdown.compose(null, null, null, content, null).name());
    assertThrows(
        InvalidInputException.class, () -> SkillMarkdown.compose("b", null, null, content, null));
  }
}
