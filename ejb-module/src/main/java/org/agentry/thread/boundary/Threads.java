package org.agentry.thread.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.agentry.agent.control.Peers;
import org.agentry.agent.entity.Agent;
import org.agentry.payload.control.JsonToXml;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.Jsons;
import org.agentry.run.control.Admission;
import org.agentry.session.control.MessageWriter;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;

/**
 * Sending messages into threads and killing threads. A thread is a session of one agent; a message
 * sent into it is stored at once as the session's next user message, and the agent's run on it is a
 * task submitted through {@link Tasks#submit}, so that priorities, budgets, leases, retries and
 * events apply as to any task. One task at a time works on a thread, so that a message never lands
 * between a model's tool call and its result.
 */
@Stateless
public class Threads {

  /** The default priority of an injected message's task: {@code normal}. */
  static final int PRIORITY = 4;

  private static final List<TaskStatus> ACTIVE =
      List.of(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.WAITING);

  /**
   * A message sent into a thread.
   *
   * @param threadId the session it was stored in
   * @param messageId its id among the session's messages
   * @param taskId the task that runs the addressed agent on the thread
   */
  public record Injected(String threadId, long messageId, String taskId) {}

  /**
   * A killed thread.
   *
   * @param cancelled the ids of the tasks that were stopped: queued and waiting ones are cancelled,
   *     running ones are asked to stop at their next step
   */
  public record Killed(Session thread, List<String> cancelled) {}

  @PersistenceContext EntityManager em;

  @Inject Tasks tasks;

  @Inject CallerTenant tenant;
  @Inject MessageWriter messages;
  @Inject TaskEvents events;
  @Inject Clock clock;

  /**
   * Sends a message to an agent: stores it in the thread and submits a task that runs the agent on
   * the thread.
   *
   * @param to the addressed agent
   * @param from the sending agent, or null when an operator sends it
   * @param threadId the thread to continue, or null to start one
   * @param payload the message; a JSON object ({@code application/json}) sent to an agent with a
   *     payload type becomes its payload element ({@link JsonToXml})
   * @throws org.agentry.payload.control.InvalidPayloadException {@code XML_INVALID} when the target
   *     has a payload type and the payload does not fit it
   * @throws UnknownResourceException {@code AGENT_NOT_FOUND} for an unknown target or sender,
   *     {@code SESSION_NOT_FOUND} for an unknown thread
   * @throws org.agentry.agent.boundary.PeerNotAllowedException when {@code to} is not among the
   *     sender's peers
   * @throws StateConflictException {@code SESSION_OF_OTHER_AGENT}, {@code SESSION_KILLED}, {@code
   *     THREAD_BUSY} (a task still works on it), {@code AGENT_PAUSED}, {@code AGENT_DISABLED}
   * @throws org.agentry.budget.boundary.BudgetExhaustedException when the target's budget is used
   */
  public Injected inject(String to, String from, String threadId, Payload payload) {
    var target = to == null ? null : em.find(Agent.class, new TenantKey(tenant.id(), to));
    if (target == null) {
      throw new UnknownResourceException("agent", to);
    }
    payload = ofTargetsType(target, payload);
    if (from != null) {
      var sender = em.find(Agent.class, new TenantKey(tenant.id(), from));
      if (sender == null) {
        throw new UnknownResourceException("agent", from);
      }
      Peers.requireMayAddress(sender, to);
    }
    var thread = threadId == null ? open(to) : continuable(threadId, to);
    var now = clock.instant();
    long messageId = messages.insert(Message.sentBy(thread.getId(), from, payload.text(), now));
    var spec =
        new TaskSpec(
            payload.text(), PRIORITY, List.of(), thread.getId(), null, null, null, null, null);
    var task = tasks.submit(to, spec, null, null).task();
    task.inputDelivered(thread.getId());
    events.append(task.getId(), to, new TaskEvents.Text("user", payload.text()));
    events.write();
    return new Injected(thread.getId(), messageId, task.getId());
  }

  private Session open(String agent) {
    var thread = new Session(tenant.id(), agent, clock.instant());
    em.persist(thread);
    em.flush(); // its first message refers to it
    return thread;
  }

  private Session continuable(String threadId, String agent) {
    var thread = locked(threadId);
    Admission.requireContinuable(thread, agent);
    if (!activeTasks(threadId).isEmpty()) {
      throw new StateConflictException(
          "THREAD_BUSY", "A task still works on the thread; send the message when it has ended.");
    }
    return thread;
  }

  /**
   * Kills the thread: its queued and waiting tasks are cancelled, its running ones asked to stop,
   * and it takes no more messages or turns.
   *
   * @throws UnknownResourceException {@code SESSION_NOT_FOUND}
   * @throws StateConflictException {@code SESSION_KILLED} if it was killed already
   */
  public Killed kill(String threadId) {
    var thread = locked(threadId);
    if (!thread.isActive()) {
      throw new StateConflictException("SESSION_KILLED", "The thread was killed already.");
    }
    var cancelled =
        activeTasks(threadId).stream().map(t -> tasks.cancel(t.getId()).getId()).toList();
    thread.kill(clock.instant());
    return new Killed(thread, cancelled);
  }

  private Session locked(String threadId) {
    var thread = em.find(Session.class, threadId, LockModeType.PESSIMISTIC_WRITE);
    if (thread == null || !thread.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("session", threadId);
    }
    return thread;
  }

  private List<Task> activeTasks(String threadId) {
    return em.createQuery(
            "SELECT t FROM Task t WHERE t.sessionId = :session AND t.status IN :active"
                + " ORDER BY t.createdAt",
            Task.class)
        .setParameter("session", threadId)
        .setParameter("active", ACTIVE)
        .getResultList();
  }

  /**
   * A JSON object sent to an agent with a payload type, as an XML payload of that type ({@link
   * JsonToXml}); any other payload as it is. The task submission then validates it.
   */
  private static Payload ofTargetsType(Agent target, Payload payload) {
    var type = target.spec().payload();
    if (type == null || !"application/json".equals(payload.mediaType())) {
      return payload;
    }
    try (var reader = Jsons.createReader(payload.text())) {
      return new Payload(JsonToXml.convert(type.element(), reader.readObject()), "application/xml");
    }
  }
}
