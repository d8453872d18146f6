package org.agentry.client.model;

import jakarta.json.JsonArray;
import java.time.Instant;

/**
 * One stored message of a session or thread.
 *
 * @param role {@code user}, {@code assistant} or {@code tool}
 * @param toolCalls the calls an assistant message asks for (OpenAI's shape), else null
 * @param from who sent a user message into a thread (an agent's name), else null
 */
public record Message(
    long id,
    String sessionId,
    String role,
    String content,
    JsonArray toolCalls,
    String toolCallId,
    String toolName,
    String from,
    Instant createdAt) {}
