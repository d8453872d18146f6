package org.agentry.speculation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.agentry.session.entity.MessageRole;
import org.agentry.speculation.control.SpeculativeTasks;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;

/**
 * Starts the full-model task of a speculative chat turn, once the fast model's answer is stored.
 */
@Stateless
public class Speculations {

  /** The priority of a speculative task: normal. */
  public static final int PRIORITY = 4;

  @PersistenceContext EntityManager em;

  @Inject Tasks tasks;
  @Inject TaskEvents events;

  /**
   * Starts a task of the agent on its own model in the session, answering the session's last user
   * message ({@code input}), which is already in the session: the task does not append it again.
   *
   * @throws org.agentry.platform.boundary.UnknownResourceException for an unknown agent or session
   * @throws org.agentry.platform.boundary.StateConflictException if the agent or session takes no
   *     work
   */
  public Task followUp(String agent, String sessionId, String input) {
    var last =
        em.createQuery(
                "SELECT MAX(m.id) FROM Message m WHERE m.sessionId = :session AND m.role = :role",
                Long.class)
            .setParameter("session", sessionId)
            .setParameter("role", MessageRole.USER)
            .getSingleResult();
    var spec = new TaskSpec(input, PRIORITY, List.of(), sessionId, null, null, null, null, null);
    var task = tasks.submit(agent, spec, null, null).task();
    task.inputDelivered(sessionId);
    task.coordinatedBy(SpeculativeTasks.coordinator(sessionId, last == null ? 0 : last));
    events.append(task.getId(), agent, new TaskEvents.Text("user", input));
    events.write();
    return task;
  }
}
