package org.agentry.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened to a task. Ids come from one database sequence, so they grow across all
 * tasks and serve as SSE event ids.
 *
 * <p>Types: {@code status}, {@code model.request}, {@code model.response}, {@code tool.start},
 * {@code tool.end}, {@code message}; {@code data} is a JSON object whose members depend on the
 * type.
 */
@Entity
@Table(name = "task_event")
public class TaskEvent {

  @Id
  @SequenceGenerator(name = "task_event_seq", sequenceName = "task_event_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_event_seq")
  private Long id;

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
