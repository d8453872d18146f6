package org.agentry.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A conversation with one agent. */
@Entity
@Table(name = "chat_session")
public class Session {

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agentName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SessionStatus status;

  @Column(nullable = false)
  private int turns;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Session() {}

  public Session(String tenant, String agentName, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.agentName = Objects.requireNonNull(agentName);
    this.status = SessionStatus.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Counts a finished turn (one user message and everything it caused). */
  public void completeTurn(Instant now) {
    turns++;
    updatedAt = now;
  }

  public void kill(Instant now) {
    status = SessionStatus.KILLED;
    updatedAt = now;
  }

  public boolean isActive() {
    return status == SessionStatus.ACTIVE;
  }

  public String getId() {
    return id;
  }

  public String getAgentName() {
    return agentName;
  }

  public SessionStatus getStatus() {
    return status;
  }

  public int getTurns() {
    return turns;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
