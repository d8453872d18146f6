package org.agentry.workflow.rest;

import jakarta.json.JsonObject;

/**
 * Body of {@code POST /api/v1/workflows} and {@code PUT /api/v1/workflows/{name}}.
 *
 * @param name lower-case letters, digits and dashes, 1–63; on PUT absent or the same
 * @param description at most 2000 characters, or null
 * @param definition {@code {"root": <node>}}; see the README, "Workflows"
 */
public record WorkflowRequest(String name, String description, JsonObject definition) {}
