package org.agentry.agent.control;

import org.agentry.agent.entity.AgentSpec;

/**
 * An agent package on disk: a folder {@code <name>/} holding {@code AGENT.md} (the system prompt)
 * and {@code agent.json} (the rest of the definition, as in {@code POST /api/v1/agents}, without
 * {@code name} and {@code systemPrompt}), as veil-cli and agent-runtime users keep agents.
 * Optionally {@code payload.xsd}: the XML Schema of the agent's typed payload, whose element {@code
 * agent.json} names in {@code "payload": {"element", "outputElement"}}.
 *
 * @param name the folder's name
 * @param digest SHA-256 hex of the files, to tell whether a package changed
 */
public record AgentPackage(String name, AgentSpec spec, String digest) {}
