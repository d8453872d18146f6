package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A skill in {@code GET /api/v1/skills}.
 *
 * @param files how many files besides {@code SKILL.md}
 */
public record SkillSummary(
    String name,
    String description,
    List<String> allowedTools,
    int files,
    String digest,
    String source,
    Instant createdAt,
    Instant updatedAt) {}
