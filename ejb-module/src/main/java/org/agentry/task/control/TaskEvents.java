package org.agentry.task.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.agentry.task.entity.TaskEvent;

/** Appends task events in the caller's transaction. */
@ApplicationScoped
public class TaskEvents {

  /** A status change. */
  public static final String STATUS = "status";

  /** A model call about to be made. */
  public static final String MODEL_REQUEST = "model.request";

  /** A model's answer with its usage. */
  public static final String MODEL_RESPONSE = "model.response";

  /** A tool call about to run. */
  public static final String TOOL_START = "tool.start";

  /** A tool call's end. */
  public static final String TOOL_END = "tool.end";

  /** A message: the task's input, an answer to the agent's question, or the final reply. */
  public static final String MESSAGE = "message";

  @PersistenceContext EntityManager em;

  /**
   * Appends an event.
   *
   * @param data the event's JSON object
   */
  public TaskEvent append(String taskId, String agent, String type, JsonObject data) {
    var event =
        new TaskEvent(
            taskId, agent, type, data.toString(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    em.persist(event);
    return event;
  }
}
