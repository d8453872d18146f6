package org.agentry.capability.control;

import java.util.Map;

/**
 * Something that can be called.
 *
 * @param name unique within its kind
 * @param kind {@code tool} or {@code agent} (later {@code skill}, {@code mcp})
 * @param description what it does, for people and models
 * @param inputSchema the JSON Schema (draft 2020-12 subset: {@code type}, {@code properties},
 *     {@code required}, {@code items}, {@code enum}, {@code description}) of its input
 * @param exampleInput an input that the schema accepts
 * @param invocation how an operator calls it, e.g. {@code POST /api/v1/agents/notes/tasks}; null
 *     for tools, which only agents' models call
 * @param xmlElement for a capability that takes XML (an agent with a payload type): the root
 *     element its input must be; null otherwise
 * @param xmlSchema the XML Schema (XSD 1.0, as the agent declares it) its XML input is validated
 *     against; null when it takes no XML
 */
public record Capability(
    String name,
    String kind,
    String description,
    Map<String, Object> inputSchema,
    Object exampleInput,
    String invocation,
    String xmlElement,
    String xmlSchema) {}
