package org.agentry.client.model;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/skills} and {@code PUT /api/v1/skills/{name}} as JSON (a zip of one
 * skill folder is the other way in).
 *
 * @param name lower-case letters, digits and hyphens, as the Agent Skills format asks
 * @param content the instructions, {@code SKILL.md}'s body
 * @param files other files of the skill: relative path → text
 */
public record SkillRequest(
    String name,
    String description,
    List<String> allowedTools,
    String content,
    Map<String, String> files) {}
