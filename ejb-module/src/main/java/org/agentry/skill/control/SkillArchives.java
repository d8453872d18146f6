package org.agentry.skill.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.skill.entity.SkillDefinition;

/**
 * Reads a skill from a zip or a folder: {@code SKILL.md} plus other UTF-8 text files. A zip holds
 * one folder named as the skill (or the files at its root). Entry names with {@code ..}, a leading
 * {@code /}, a backslash or a drive letter are refused; sizes are counted while reading, not taken
 * from the zip's headers, so a zip bomb stops at the caps of {@link SkillDefinition}. Symbolic
 * links in a folder are skipped.
 */
public final class SkillArchives {

  /** Most entries (files and folders) a zip may have. */
  static final int MAX_ENTRIES = 2 * SkillDefinition.MAX_FILES + 2;

  private SkillArchives() {}

  /**
   * The skill in a zip.
   *
   * @throws InvalidInputException if the zip is malformed, unsafe, too large, or its skill is
   *     invalid
   */
  public static SkillDefinition fromZip(byte[] zip) {
    var texts = new TreeMap<String, String>();
    long total = 0;
    int entries = 0;
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        InvalidInputException.check(++entries <= MAX_ENTRIES, "the zip has too many entries");
        var name = entry.getName();
        checkEntryName(name);
        if (entry.isDirectory()) {
          continue;
        }
        InvalidInputException.check(!texts.containsKey(name), "the zip holds '" + name + "' twice");
        var bytes = readCapped(in, SkillDefinition.MAX_SKILL_BYTES - total, name);
        total += bytes.length;
        texts.put(name, text(bytes, name));
      }
    } catch (ZipException | IllegalArgumentException e) {
      throw new InvalidInputException("the body is not a valid zip");
    } catch (IOException e) {
      throw new InvalidInputException("the zip cannot be read");
    }
    InvalidInputException.check(!texts.isEmpty(), "the zip is empty");
    return definition(texts);
  }

  /**
   * The skill in a folder, whose name must be the skill's.
   *
   * @throws IOException if a file cannot be read
   * @throws InvalidInputException if the skill is invalid or too large
   */
  public static SkillDefinition fromFolder(Path folder) throws IOException {
    var texts = new TreeMap<String, String>();
    long total = 0;
    var prefix = folder.getFileName().toString() + "/";
    try (var walk = Files.walk(folder)) {
      for (var file : walk.sorted().toList()) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        var path = folder.relativize(file).toString().replace('\\', '/');
        InvalidInputException.check(
            texts.size() <= SkillDefinition.MAX_FILES, "a skill may have at most 200 files");
        long size = Files.size(file);
        InvalidInputException.check(
            size <= SkillDefinition.MAX_FILE_BYTES
                && total + size <= SkillDefinition.MAX_SKILL_BYTES,
            "file '" + path + "' is too large");
        total += size;
        texts.put(prefix + path, text(Files.readAllBytes(file), path));
      }
    }
    return definition(texts);
  }

  /** Splits {@code folder/path → text} into SKILL.md and the rest; checks the folder's name. */
  private static SkillDefinition definition(TreeMap<String, String> texts) {
    var first = texts.firstKey();
    var folder = first.contains("/") ? first.substring(0, first.indexOf('/') + 1) : "";
    var files = new TreeMap<String, String>();
    for (var entry : texts.entrySet()) {
      InvalidInputException.check(
          entry.getKey().startsWith(folder) && entry.getKey().length() > folder.length(),
          "the zip must hold one skill folder, or the skill's files at its root");
      files.put(entry.getKey().substring(folder.length()), entry.getValue());
    }
    var skillMd = files.remove(SkillDefinition.MAIN_FILE);
    InvalidInputException.check(skillMd != null, "there is no " + SkillDefinition.MAIN_FILE);
    var definition = SkillMarkdown.definition(skillMd, files);
    var folderName = folder.isEmpty() ? null : folder.substring(0, folder.length() - 1);
    InvalidInputException.check(
        folderName == null || folderName.equals(definition.name()),
        "the folder '" + folderName + "' must be named as the skill, '" + definition.name() + "'");
    return definition;
  }

  /**
   * Refuses names that could leave the target folder or are not portable.
   *
   * @throws InvalidInputException naming the entry
   */
  static void checkEntryName(String name) {
    var safe =
        !name.isEmpty()
            && name.length() <= 512
            && !name.startsWith("/")
            && !name.contains("\\")
            && !name.contains("\0")
            && !name.matches("^[A-Za-z]:.*");
    if (safe) {
      for (var segment : name.split("/")) {
        safe &= !segment.equals("..") && !segment.equals(".");
      }
    }
    InvalidInputException.check(safe, "unsafe entry name in the zip: '" + printable(name) + "'");
  }

  private static byte[] readCapped(InputStream in, long room, String name) throws IOException {
    long cap = Math.min(room, SkillDefinition.MAX_FILE_BYTES);
    var out = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      InvalidInputException.check(
          out.size() + (long) n <= cap,
          "file '"
              + printable(name)
              + "' makes the skill too large (at most "
              + SkillDefinition.MAX_FILE_BYTES
              + " bytes per file, "
              + SkillDefinition.MAX_SKILL_BYTES
              + " in all)");
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String text(byte[] bytes, String name) {
    try {
      var text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      InvalidInputException.check(text.indexOf('\0') < 0, "file '" + name + "' is not text");
      return text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("file '" + printable(name) + "' is not UTF-8 text");
    }
  }

  private static String printable(String name) {
    var cut = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
