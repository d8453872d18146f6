package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A skill as {@code GET /api/v1/skills/{name}} shows it: its instructions ({@code SKILL.md}'s body)
 * and the paths of its other files. Its ETag is sent with it; replace it with that ETag.
 *
 * @param digest SHA-256 hex over the skill's files
 * @param source {@code api} or {@code directory}
 */
public record Skill(
    String name,
    String description,
    List<String> allowedTools,
    String content,
    List<String> files,
    String digest,
    String source,
    Instant createdAt,
    Instant updatedAt) {}
