package org.agentry.skill.rest;

import java.time.Instant;
import java.util.List;
import org.agentry.skill.entity.Skill;

/**
 * A skill in the list.
 *
 * @param files how many files it has besides {@code SKILL.md}
 * @param digest hex SHA-256 of its content
 * @param source {@code api} or {@code directory}
 */
public record SkillSummary(
    String name,
    String description,
    List<String> allowedTools,
    int files,
    String digest,
    String source,
    Instant createdAt,
    Instant updatedAt) {

  static SkillSummary of(Skill skill) {
    return new SkillSummary(
        skill.getName(),
        skill.getDescription(),
        skill.getAllowedTools(),
        skill.getFiles().size(),
        skill.getDigest(),
        SkillResponse.source(skill),
        skill.getCreatedAt(),
        skill.getUpdatedAt());
  }
}
