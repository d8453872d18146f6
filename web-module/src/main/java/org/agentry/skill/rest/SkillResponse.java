package org.agentry.skill.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agentry.skill.entity.Skill;

/**
 * One skill with its text.
 *
 * @param content the whole {@code SKILL.md}, front matter included
 * @param files the paths of its other files, sorted; each at {@code
 *     /api/v1/skills/{name}/files/{path}}
 * @param digest hex SHA-256 of its content
 * @param source {@code api} or {@code directory}
 */
public record SkillResponse(
    String name,
    String description,
    List<String> allowedTools,
    String content,
    List<String> files,
    String digest,
    String source,
    Instant createdAt,
    Instant updatedAt) {

  static SkillResponse of(Skill skill) {
    return new SkillResponse(
        skill.getName(),
        skill.getDescription(),
        skill.getAllowedTools(),
        skill.getContent(),
        List.copyOf(skill.getFiles().keySet()),
        skill.getDigest(),
        source(skill),
        skill.getCreatedAt(),
        skill.getUpdatedAt());
  }

  static String source(Skill skill) {
    return skill.getSource().name().toLowerCase(Locale.ROOT);
  }
}
