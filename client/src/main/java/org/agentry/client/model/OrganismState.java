package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The whole installation as {@code GET /api/v1/organism} shows it.
 *
 * @param databaseKind e.g. {@code postgresql} or {@code h2}
 * @param brokerKind e.g. {@code embedded} or {@code external}
 * @param node this node's name
 * @param uptimeSeconds s
 * @param nodes each node's name, state and running tasks
 * @param drain the progress of a stop under way, or null
 * @param counts agents, tasks by state and the like
 */
public record OrganismState(
    String name,
    String version,
    String databaseKind,
    String brokerKind,
    String node,
    Instant startedAt,
    long uptimeSeconds,
    List<JsonObject> nodes,
    JsonObject drain,
    boolean dispatchPaused,
    JsonObject counts) {}
