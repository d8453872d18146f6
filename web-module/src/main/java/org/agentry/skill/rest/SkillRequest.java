package org.agentry.skill.rest;

import java.util.List;
import java.util.Map;

/**
 * JSON body of {@code POST /api/v1/skills} and {@code PUT /api/v1/skills/{name}}. Unknown fields
 * are refused (400).
 *
 * @param name the skill's name; optional when {@code content} has front matter
 * @param description what the skill is for, 1–1024 characters; optional likewise
 * @param allowedTools the tools the skill expects, informational; optional
 * @param content the skill's Markdown instructions, or its whole {@code SKILL.md} with front matter
 * @param files other text files, relative path → text; optional
 */
public record SkillRequest(
    String name,
    String description,
    List<String> allowedTools,
    String content,
    Map<String, String> files) {}
