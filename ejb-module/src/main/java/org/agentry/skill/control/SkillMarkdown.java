package org.agentry.skill.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.skill.entity.SkillDefinition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a {@code SKILL.md}: a YAML front matter block between two {@code ---} lines at the top,
 * then Markdown. The front matter (parsed by snakeyaml-engine, YAML 1.2) holds {@code name} and
 * {@code description} (strings, required) and optionally {@code allowed-tools}, a list of strings
 * or one string of names separated by commas or spaces; other keys are ignored. This is the format
 * of Anthropic's Agent Skills ({@code SKILL.md}).
 */
public final class SkillMarkdown {

  /** What the front matter says. */
  public record FrontMatter(String name, String description, List<String> allowedTools) {}

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(10)
          .setCodePointLimit(64 * 1024)
          .build();

  private SkillMarkdown() {}

  /**
   * The front matter of a {@code SKILL.md} text.
   *
   * @throws InvalidInputException if there is no front matter block, it is not a YAML mapping, or a
   *     field has the wrong type
   */
  public static FrontMatter frontMatter(String text) {
    var lines = text.replace("\r\n", "\n").split("\n", -1);
    InvalidInputException.check(
        lines.length > 1 && lines[0].strip().equals("---"),
        "SKILL.md must start with a '---' line opening its YAML front matter");
    int end = 1;
    while (end < lines.length && !lines[end].strip().equals("---")) {
      end++;
    }
    InvalidInputException.check(end < lines.length, "SKILL.md's front matter has no closing '---'");
    Object yaml;
    try {
      yaml =
          new Load(SETTINGS).loadFromString(String.join("\n", Arrays.copyOfRange(lines, 1, end)));
    } catch (YamlEngineException e) {
      throw new InvalidInputException("SKILL.md's front matter is not valid YAML");
    }
    InvalidInputException.check(
        yaml instanceof Map<?, ?>, "SKILL.md's front matter must be a YAML mapping");
    var map = (Map<?, ?>) yaml;
    return new FrontMatter(
        string(map, "name"), string(map, "description"), tools(map.get("allowed-tools")));
  }

  /** The definition of a skill whose {@code SKILL.md} is this text, with these other files. */
  public static SkillDefinition definition(String skillMd, Map<String, String> files) {
    var front = frontMatter(skillMd);
    return new SkillDefinition(
        front.name(), front.description(), front.allowedTools(), skillMd, files);
  }

  /**
   * A skill defined by fields rather than a {@code SKILL.md}: when {@code body} starts with front
   * matter it is the {@code SKILL.md}, and the fields given must agree with it; else the front
   * matter is written (by snakeyaml-engine) from the fields and put before the body.
   *
   * @throws InvalidInputException if a field is missing or disagrees with the front matter
   */
  public static SkillDefinition compose(
      String name,
      String description,
      List<String> allowedTools,
      String body,
      Map<String, String> files) {
    InvalidInputException.check(body != null && !body.isBlank(), "'content' is required");
    if (body.stripLeading().startsWith("---")) {
      var definition = definition(body.stripLeading(), files);
      InvalidInputException.check(
          (name == null || name.equals(definition.name()))
              && (description == null || description.strip().equals(definition.description())),
          "'name' and 'description' must agree with the content's front matter");
      return definition;
    }
    InvalidInputException.check(name != null, "'name' is required");
    InvalidInputException.check(description != null, "'description' is required");
    var front = new java.util.LinkedHashMap<String, Object>();
    front.put("name", name);
    front.put("description", description.strip());
    if (allowedTools != null && !allowedTools.isEmpty()) {
      front.put("allowed-tools", allowedTools);
    }
    var yaml =
        new org.snakeyaml.engine.v2.api.Dump(
                org.snakeyaml.engine.v2.api.DumpSettings.builder()
                    .setDefaultFlowStyle(org.snakeyaml.engine.v2.common.FlowStyle.BLOCK)
                    .build())
            .dumpToString(front);
    return definition("---\n" + yaml + "---\n" + body, files);
  }

  private static String string(Map<?, ?> map, String key) {
    var value = map.get(key);
    InvalidInputException.check(
        value instanceof String, "SKILL.md's front matter needs '" + key + "' as a string");
    return ((String) value).strip();
  }

  private static List<String> tools(Object value) {
    if (value == null) {
      return List.of();
    }
    var tools = new ArrayList<String>();
    if (value instanceof String text) {
      Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(tools::add);
      return tools;
    }
    InvalidInputException.check(
        value instanceof List<?> list && list.stream().allMatch(String.class::isInstance),
        "'allowed-tools' must be a list of strings");
    ((List<?>) value).forEach(t -> tools.add(((String) t).strip()));
    return tools;
  }
}
