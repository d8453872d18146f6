package org.agentry.client.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Something an agent can be given, as {@code /api/v1/capabilities} lists it.
 *
 * @param kind e.g. {@code tool}, {@code agent} or {@code skill}
 * @param inputSchema the JSON schema of its input
 * @param invocation how a model calls it
 * @param xmlElement the XML element of a typed payload, or null
 */
public record Capability(
    String name,
    String kind,
    String description,
    JsonObject inputSchema,
    JsonValue exampleInput,
    String invocation,
    String xmlElement,
    String xmlSchema) {}
