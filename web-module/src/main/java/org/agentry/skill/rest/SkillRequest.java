package org.agentry.skill.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.platform.rest.ApiException;

/**
 * JSON body of {@code POST /api/v1/skills} and {@code PUT /api/v1/skills/{name}}. Unknown fields
 * are refused (400).
 *
 * @param name the skill's name; optional when {@code content} has front matter
 * @param description what the skill is for, 1–1024 characters; optional likewise
 * @param allowedTools the tools the skill expects, informational; optional
 * @param content the skill's Markdown instructions, or its whole {@code SKILL.md} with front matter
 * @param files other text files, a JSON object of relative path → text; optional
 */
public record SkillRequest(
    String name, String description, List<String> allowedTools, String content, JsonObject files) {

  /**
   * The files as path → text.
   *
   * @throws ApiException 400 when a value is not a string
   */
  Map<String, String> fileTexts() {
    var texts = new TreeMap<String, String>();
    if (files != null) {
      for (var entry : files.entrySet()) {
        if (!(entry.getValue() instanceof JsonString text)) {
          throw ApiException.validation("'files' must map paths to texts (strings).");
        }
        texts.put(entry.getKey(), text.getString());
      }
    }
    return texts;
  }
}
