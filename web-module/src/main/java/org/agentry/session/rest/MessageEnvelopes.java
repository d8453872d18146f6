package org.agentry.session.rest;

import org.agentry.payload.control.Envelope;
import org.agentry.payload.control.Payload;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.MessageRole;

/**
 * A stored message as an envelope: who sent it to whom ({@code user}, the sending agent of an
 * injected message, the agent, {@code tools} for an assistant message that calls tools, {@code
 * tool:<name>}), in its session's thread.
 */
final class MessageEnvelopes {

  private MessageEnvelopes() {}

  /** The message of a session of {@code agent}. */
  static Envelope of(String agent, Message message) {
    var from =
        switch (message.getRole()) {
          case USER -> message.getSender() == null ? "user" : message.getSender();
          case ASSISTANT -> agent;
          case TOOL -> "tool:" + message.getToolName();
        };
    String to;
    if (message.getRole() != MessageRole.ASSISTANT) {
      to = agent;
    } else {
      to = message.getToolCalls() == null ? "user" : "tools";
    }
    return new Envelope(from, to, message.getSessionId(), Payload.of(message.getContent()))
        .stamped(message.getId(), message.getCreatedAt().toString());
  }
}
