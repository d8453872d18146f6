package org.agentry.client.model;

import jakarta.json.JsonValue;

/**
 * Body of {@code POST /api/v1/inject}: a message for agent {@code to}, in a new thread or in {@code
 * threadId}.
 *
 * @param from the sending agent's name, or null for {@code user}
 * @param payload a JSON string (text) or a JSON object; at most the server's character limit
 */
public record InjectRequest(String to, String from, String threadId, JsonValue payload) {}
