package org.agentry.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened to a task. Ids come from one database sequence, assigned by the database
 * as the row is inserted (the column's default), so they grow across all tasks and serve as SSE
 * event ids. Events are written by {@code TaskEvents} in one multi-row insert per transaction,
 * never persisted through this entity, which only reads them.
 *
 * <p>Types: {@code status}, {@code model.request}, {@code model.response}, {@code tool.start},
 * {@code tool.end}, {@code message}; {@code data} is a JSON object whose members depend on the
 * type.
 */
@Entity
@Table(name = "task_event")
public class TaskEvent {

  @Id private Long id;

  @Column(name = "task_id", nullable = false, length = 36)
  private String taskId;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(nullable = false, length = 32)
  private String type;

  @Column(nullable = false)
  private String data;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TaskEvent() {}

  /**
   * An event to write; its id is the database's to give.
   *
   * @param data a JSON object text
   */
  public TaskEvent(String taskId, String agent, String type, String data, Instant now) {
    this.taskId = taskId;
    this.agent = agent;
    this.type = type;
    this.data = data;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getAgent() {
    return agent;
  }

  public String getType() {
    return type;
  }

  public String getData() {
    return data;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
