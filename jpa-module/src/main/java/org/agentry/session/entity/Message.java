package org.agentry.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of a session. Ids grow with insertion, so they order a session's messages; the
 * database gives them as the row is inserted ({@code MessageWriter} in the ejb-module writes
 * messages, this entity only reads them). An assistant message may carry tool calls as a JSON array
 * {@code [{"id","name","arguments"}]}; a tool message answers one of them by {@code toolCallId}. A
 * user message that another agent sent into the session (with {@code POST /api/v1/inject}) names
 * that agent as its {@code sender}; a person's or an operator's message has none.
 */
@Entity
@NamedQuery(
    name = Message.FIND_BY_SESSION,
    query = "SELECT m FROM Message m WHERE m.sessionId = :session AND m.id > :after ORDER BY m.id")
@NamedQuery(
    name = Message.FIND_LATEST_BY_SESSION,
    query = "SELECT m FROM Message m WHERE m.sessionId = :session ORDER BY m.id DESC")
@NamedQuery(
    name = Message.DELETE_BY_SESSION,
    query = "DELETE FROM Message m WHERE m.sessionId = :session")
public class Message {

  public static final String FIND_BY_SESSION = "Message.findBySession";

  /** A session's messages, newest first; bound it with {@code setMaxResults}. */
  public static final String FIND_LATEST_BY_SESSION = "Message.findLatestBySession";

  public static final String DELETE_BY_SESSION = "Message.deleteBySession";

  /** Given by the database at insert, from {@code message_seq}; null until then. */
  @Id private Long id;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MessageRole role;

  private String content;

  @Column(name = "tool_calls")
  private String toolCalls;

  @Column(name = "tool_call_id")
  private String toolCallId;

  @Column(name = "tool_name")
  private String toolName;

  /** The agent that sent it, or null. */
  @Column(length = 63)
  private String sender;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Message() {}

  private Message(String sessionId, MessageRole role, String content, Instant now) {
    this.sessionId = Objects.requireNonNull(sessionId);
    this.role = role;
    this.content = content;
    this.createdAt = now;
  }

  public static Message user(String sessionId, String text, Instant now) {
    return new Message(sessionId, MessageRole.USER, text, now);
  }

  /**
   * A user message that an agent, or an operator on its own account, sent into the session.
   *
   * @param sender the sending agent's name, or null for an operator
   */
  public static Message sentBy(String sessionId, String sender, String text, Instant now) {
    var message = new Message(sessionId, MessageRole.USER, text, now);
    message.sender = sender;
    return message;
  }

  /**
   * A reply of the model.
   *
   * @param toolCallsJson the tool calls it asked for as a JSON array, or null
   */
  public static Message assistant(
      String sessionId, String text, String toolCallsJson, Instant now) {
    var message = new Message(sessionId, MessageRole.ASSISTANT, text, now);
    message.toolCalls = toolCallsJson;
    return message;
  }

  public static Message toolResult(
      String sessionId, String toolCallId, String toolName, String result, Instant now) {
    var message = new Message(sessionId, MessageRole.TOOL, result, now);
    message.toolCallId = toolCallId;
    message.toolName = toolName;
    return message;
  }

  public Long getId() {
    return id;
  }

  public String getSessionId() {
    return sessionId;
  }

  public MessageRole getRole() {
    return role;
  }

  public String getContent() {
    return content;
  }

  public String getToolCalls() {
    return toolCalls;
  }

  public String getToolCallId() {
    return toolCallId;
  }

  public String getToolName() {
    return toolName;
  }

  /** The agent that sent it into the session, or null. */
  public String getSender() {
    return sender;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
