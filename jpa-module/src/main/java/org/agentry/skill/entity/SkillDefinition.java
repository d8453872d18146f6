package org.agentry.skill.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;

/**
 * A skill's checked content, as parsed from a folder, a zip or a JSON body.
 *
 * @param name the skill's name, matching {@value Names#PATTERN}
 * @param description what the skill is for and when to load it, 1–1024 characters (the limits of
 *     the Agent Skills {@code SKILL.md} format)
 * @param allowedTools the tools the skill expects ({@code allowed-tools}), informational, each
 *     1–128 characters without commas, at most 64
 * @param content the whole {@code SKILL.md} text, front matter included
 * @param files the other files, relative path → text; paths are {@value #PATH_PATTERN} segments
 *     joined by {@code /} (no {@code .} or {@code ..}, at most 255 characters)
 * @throws InvalidInputException naming what breaks a rule, or a cap: at most {@value #MAX_FILES}
 *     files, {@value #MAX_FILE_BYTES} bytes of UTF-8 per file (SKILL.md included) and {@value
 *     #MAX_SKILL_BYTES} bytes in all
 */
public record SkillDefinition(
    String name,
    String description,
    List<String> allowedTools,
    String content,
    Map<String, String> files) {

  /** Most files besides {@code SKILL.md}. */
  public static final int MAX_FILES = 200;

  /** Most bytes of one file, 1 MiB. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** Most bytes of a skill's files together, 5 MiB. */
  public static final int MAX_SKILL_BYTES = 5 << 20;

  /** A segment of a file's path. */
  public static final String PATH_PATTERN = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}";

  /** The skill's main file. */
  public static final String MAIN_FILE = "SKILL.md";

  private static final Pattern SEGMENT = Pattern.compile(PATH_PATTERN);

  public SkillDefinition {
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(),
        "the skill's 'name' is required and must match " + Names.PATTERN);
    InvalidInputException.check(
        description != null && !description.isBlank() && description.length() <= 1024,
        "the skill's 'description' is required, at most 1024 characters");
    InvalidInputException.check(
        allowedTools == null || allowedTools.stream().allMatch(java.util.Objects::nonNull),
        "'allowed-tools' must be tool names");
    allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
    InvalidInputException.check(
        allowedTools.size() <= 64
            && allowedTools.stream()
                .allMatch(t -> !t.isBlank() && t.length() <= 128 && !t.contains(",")),
        "'allowed-tools' must be at most 64 tool names without commas");
    InvalidInputException.check(content != null && !content.isBlank(), "SKILL.md is empty");
    InvalidInputException.check(
        description.indexOf('\0') < 0
            && content.indexOf('\0') < 0
            && allowedTools.stream().allMatch(t -> t.indexOf('\0') < 0),
        "a skill's text may not hold NUL characters");
    InvalidInputException.check(
        files == null || files.keySet().stream().allMatch(java.util.Objects::nonNull),
        "file paths must not be null");
    files = files == null ? Map.of() : new TreeMap<>(files);
    InvalidInputException.check(
        files.size() <= MAX_FILES, "a skill may have at most " + MAX_FILES + " files");
    long total = bytes(MAIN_FILE, content);
    for (var file : files.entrySet()) {
      checkPath(file.getKey());
      InvalidInputException.check(
          file.getValue() != null && file.getValue().indexOf('\0') < 0,
          "file '" + file.getKey() + "' must be text without NUL characters");
      total += bytes(file.getKey(), file.getValue());
    }
    InvalidInputException.check(
        total <= MAX_SKILL_BYTES, "a skill's files may hold at most " + MAX_SKILL_BYTES + " bytes");
    files = Map.copyOf(files);
  }

  /**
   * Whether a path is a valid file path of a skill (see {@code files}).
   *
   * @throws InvalidInputException if it is not
   */
  public static void checkPath(String path) {
    InvalidInputException.check(
        path != null
            && path.length() <= 255
            && !path.equals(MAIN_FILE)
            && java.util.Arrays.stream(path.split("/", -1))
                .allMatch(s -> SEGMENT.matcher(s).matches() && !s.equals("..")),
        "file paths must be relative, segments matching " + PATH_PATTERN + " joined by '/'");
  }

  /**
   * Hex SHA-256 over {@code SKILL.md} and then each file in path order, each as its path, a NUL,
   * its text and a NUL; the same content always gives the same digest.
   */
  public String digest() {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      update(sha, MAIN_FILE, content);
      new TreeMap<>(files).forEach((path, text) -> update(sha, path, text));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void update(MessageDigest sha, String path, String text) {
    sha.update(path.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static long bytes(String path, String text) {
    long size = text.getBytes(StandardCharsets.UTF_8).length;
    InvalidInputException.check(
        size <= MAX_FILE_BYTES, "file '" + path + "' is larger than " + MAX_FILE_BYTES + " bytes");
    return size;
  }
}
