package org.agentry.skill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.skill.entity.SkillDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillArchivesTest {

  private static final String SKILL_MD = "---\nname: notes\ndescription: Take notes.\n---\nWrite.";

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> entries(String... pathsAndTexts) {
    var map = new LinkedHashMap<String, byte[]>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      map.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return map;
  }

  @Test
  void readsOneSkillFolderWithItsFiles() throws IOException {
    var definition =
        SkillArchives.fromZip(
            zip(entries("notes/SKILL.md", SKILL_MD, "notes/ref/style.md", "Be brief.")));
    assertEquals("notes", definition.name());
    assertEquals("Take notes.", definition.description());
    assertEquals(Map.of("ref/style.md", "Be brief."), definition.files());
    assertEquals(64, definition.digest().length());
  }

  @Test
  void theDigestFollowsTheContent() throws IOException {
    var one = SkillArchives.fromZip(zip(entries("SKILL.md", SKILL_MD, "a.md", "1"))).digest();
    var same = SkillArchives.fromZip(zip(entries("notes/a.md", "1", "notes/SKILL.md", SKILL_MD)));
    var other = SkillArchives.fromZip(zip(entries("SKILL.md", SKILL_MD, "a.md", "2"))).digest();
    assertEquals(one, same.digest());
    assertNotEquals(one, other);
  }

  @Test
  void refusesPathTraversalAndAbsoluteNames() {
    for (var name :
        new String[] {
          "../SKILL.md", "notes/../../x.md", "/etc/passwd", "C:/x.md", "notes\\..\\x"
        }) {
      var error =
          assertThrows(
              InvalidInputException.class,
              () -> SkillArchives.fromZip(zip(entries("notes/SKILL.md", SKILL_MD, name, "x"))),
              name);
      assertTrue(error.getMessage().startsWith("unsafe entry name"), error.getMessage());
    }
  }

  @Test
  void stopsAZipBombAtTheCapWhateverItsHeadersSay() throws IOException {
    var huge = new byte[SkillDefinition.MAX_FILE_BYTES + 1];
    var bomb = zip(Map.of("notes/SKILL.md", SKILL_MD.getBytes(), "notes/big.md", huge));
    assertTrue(bomb.length < 10_000, "a highly compressed entry: " + bomb.length);
    var error = assertThrows(InvalidInputException.class, () -> SkillArchives.fromZip(bomb));
    assertTrue(error.getMessage().contains("too large"), error.getMessage());
  }

  @Test
  void refusesTwoFoldersAFolderNamedOtherwiseBinaryFilesAndGarbage() throws IOException {
    assertThrows(
        InvalidInputException.class,
        () -> SkillArchives.fromZip(zip(entries("notes/SKILL.md", SKILL_MD, "other/x.md", "x"))));
    assertThrows(
        InvalidInputException.class,
        () -> SkillArchives.fromZip(zip(entries("wrong/SKILL.md", SKILL_MD))));
    assertThrows(
        InvalidInputException.class,
        () -> SkillArchives.fromZip(zip(entries("notes/x.md", "no SKILL.md"))));
    var binary = new LinkedHashMap<>(entries("notes/SKILL.md", SKILL_MD));
    binary.put("notes/x.bin", new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThrows(InvalidInputException.class, () -> SkillArchives.fromZip(zip(binary)));
    assertThrows(InvalidInputException.class, () -> SkillArchives.fromZip("not a zip".getBytes()));
  }

  @Test
  void readsAFolderNamedAsTheSkill(@TempDir Path dir) throws IOException {
    var folder = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(folder.resolve("SKILL.md"), SKILL_MD);
    Files.createDirectories(folder.resolve("ref"));
    Files.writeString(folder.resolve("ref/style.md"), "Be brief.");
    var definition = SkillArchives.fromFolder(folder);
    assertEquals("notes", definition.name());
    assertEquals(Map.of("ref/style.md", "Be brief."), definition.files());

    var misnamed = Files.createDirectories(dir.resolve("other"));
    Files.writeString(misnamed.resolve("SKILL.md"), SKILL_MD);
    assertThrows(InvalidInputException.class, () -> SkillArchives.fromFolder(misnamed));
  }
}
