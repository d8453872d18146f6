package org.agentry.skill.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class SkillDefinitionTest {

  private static SkillDefinition with(Map<String, String> files) {
    return new SkillDefinition("notes", "Notes.", List.of(), "---\n---\nbody", files);
  }

  @Test
  void filesNeedSafeRelativePathsAndText() {
    assertEquals(Map.of("a/b.md", "x"), with(Map.of("a/b.md", "x")).files());
    var nullPath = new HashMap<String, String>();
    nullPath.put(null, "x");
    assertThrows(InvalidInputException.class, () -> with(nullPath));
    for (var path : List.of("../x", "/x", "a//b", "a/./b", "SKILL.md", "", "a b")) {
      assertThrows(InvalidInputException.class, () -> with(Map.of(path, "x")), path);
    }
    assertThrows(InvalidInputException.class, () -> with(Map.of("a.md", "nul\0")));
  }

  @Test
  void capsCountUtf8Bytes() {
    var big = "é".repeat(SkillDefinition.MAX_FILE_BYTES / 2 + 1);
    assertThrows(InvalidInputException.class, () -> with(Map.of("a.md", big)));
    var files = new HashMap<String, String>();
    for (int i = 0; i < SkillDefinition.MAX_FILES + 1; i++) {
      files.put("f" + i + ".md", "x");
    }
    assertThrows(InvalidInputException.class, () -> with(files));
  }
}
