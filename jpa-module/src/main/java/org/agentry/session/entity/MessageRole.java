package org.agentry.session.entity;

/** Who wrote a message; the system prompt is not stored, it comes from the agent. */
public enum MessageRole {
  USER,
  ASSISTANT,
  /** The result of one tool call, answering the assistant message that asked for it. */
  TOOL
}
