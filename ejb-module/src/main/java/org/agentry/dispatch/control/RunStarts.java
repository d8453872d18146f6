package org.agentry.dispatch.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.StopReason;
import org.agentry.budget.boundary.Budgets;
import org.agentry.run.control.Delegates;
import org.agentry.run.control.JsonOutput;
import org.agentry.run.control.ModelFactory;
import org.agentry.run.control.ProviderModel;
import org.agentry.run.control.RunContext;
import org.agentry.run.control.Transcript;
import org.agentry.session.control.MessageWriter;
import org.agentry.session.control.SessionHistory;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.speculation.control.SpeculativeTasks;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.entity.Task;
import org.agentry.tool.control.Workspaces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a just-claimed task's run, in the claim's transaction: reads the agent's definition, its
 * provider's model and budget limits once; opens the task's session or continues it; delivers the
 * input once; announces the first model request. A task that cannot run (its agent, provider or
 * session is gone, killed or unusable) fails here instead.
 */
@ApplicationScoped
public class RunStarts {

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject Budgets budgets;
  @Inject ModelFactory models;
  @Inject Workspaces workspaces;
  @Inject MessageWriter messages;
  @Inject SessionHistory sessionHistory;
  @Inject Clock clock;
  @Inject org.agentry.workflow.control.Delegations delegations;
  @Inject jakarta.enterprise.event.Event<TaskEnded> ended;

  @Inject
  @ConfigProperty(name = "agentry.delegation.max-depth", defaultValue = "3")
  int maxDepth;

  @Inject
  @ConfigProperty(name = "agentry.delegation.max-fan-out", defaultValue = "8")
  int maxFanOut;

  @Inject
  @ConfigProperty(name = "agentry.payload.output-repairs", defaultValue = "2")
  int outputRepairs;

  /**
   * Claims the task for a run and starts the run.
   *
   * @param references the task's agent with its provider and budget, as the claim read them
   * @param leaseExpiresAt when the claim's lease runs out unless renewed
   * @return the run to make, or null when the task failed instead
   */
  public ClaimedRun start(
      Task task, References references, String node, Lease lease, Instant leaseExpiresAt) {
    var agent = references.agent();
    if (agent == null) {
      return fail(task, "AGENT_NOT_FOUND", "Agent '" + task.getAgent() + "' does not exist.");
    }
    if (!agent.acceptsWork()) {
      return fail(task, "AGENT_DISABLED", "The agent is disabled.");
    }
    var spec = withTaskLimits(agent.spec(), task);
    if (!spec.delegates().isEmpty() && spec.limits().tokenBudget() != null) {
      spec = withTreeSpent(spec, delegations.tokensOfTree(task.getId()));
    }
    var provider = references.provider();
    if (provider == null) {
      return fail(task, "PROVIDER_NOT_FOUND", "Provider '" + spec.provider() + "' does not exist.");
    }
    ProviderModel model;
    try {
      model = models.model(provider, spec);
    } catch (IllegalArgumentException e) {
      return fail(task, "PROVIDER_ERROR", e.getMessage());
    }
    var session = session(task);
    if (session == null) {
      return null;
    }
    List<Message> history =
        task.getSessionId() == null ? List.of() : sessionHistory.latest(session.getId());
    history = SpeculativeTasks.historyFor(task, history);
    var input = task.isInputDelivered() ? null : task.getInput();
    var approvedCallId = task.isResuming() ? task.getPendingCallId() : null;
    long last = history.stream().mapToLong(Message::getId).max().orElse(0);
    if (input != null) {
      // before the task changes: this statement flushes what is pending
      last = messages.insert(Message.user(session.getId(), input, clock.instant()));
    }
    task.claim(node, lease.token(), leaseExpiresAt, clock.instant());
    events.append(task.getId(), task.getAgent(), Status.running(node, task.getAttempts()));
    if (input != null) {
      task.inputDelivered(session.getId());
      events.append(task.getId(), task.getAgent(), new TaskEvents.Text("user", input));
    }
    var chatHistory = Transcript.toChatMessages(history);
    var approved = approvedCallId == null ? null : Transcript.approved(chatHistory, approvedCallId);
    int sent = 1 + chatHistory.size() + (input == null ? 0 : 1);
    events.append(task.getId(), task.getAgent(), new TaskEvents.ModelRequest(1, sent, last));
    var context =
        new RunContext(
            task.getTenant(),
            task.getAgent(),
            spec,
            model,
            session.getId(),
            chatHistory,
            input,
            task.getId(),
            workspaces.of(task.getTenant(), task.getAgent()));
    if (approved != null) {
      context = context.withApproved(approved.history(), approved.call());
    }
    if (task.getResponseSchema() != null) {
      context =
          context.withJson(JsonOutput.of("response", task.getResponseSchema(), outputRepairs));
    }
    if (!spec.delegates().isEmpty()) {
      context =
          context.withDelegates(delegates(task.getTenant(), spec.delegates(), task.getDepth()));
    }
    var limits = budgets.limitsFor(task.getTenant(), task.getAgent(), references.budget());
    return new ClaimedRun(lease, context, limits, last, task.getAttempts(), task.getTraceParent());
  }

  /**
   * The delegates of the agent that exist, as tools named after them that take {@code {"input":
   * "…"}} and carry the delegate's description.
   */
  private Delegates delegates(String tenant, List<String> names, int depth) {
    var agents =
        em.createQuery(
                "SELECT a FROM Agent a WHERE a.tenant = :tenant AND a.name IN :names", Agent.class)
            .setParameter("tenant", tenant)
            .setParameter("names", names)
            .getResultList();
    var tools =
        agents.stream()
            .sorted(java.util.Comparator.comparing(a -> names.indexOf(a.getName())))
            .map(
                a -> {
                  var described = a.spec().description();
                  var description =
                      (described == null || described.isBlank()
                              ? "The agent " + a.getName()
                              : described)
                          + " (another agent: the call runs it as a task on its own and returns its final"
                          + " answer; give it the whole assignment as input)";
                  return ToolSpecification.builder()
                      .name(a.getName())
                      .description(description)
                      .parameters(
                          JsonObjectSchema.builder()
                              .addStringProperty("input", "what the agent is asked to do")
                              .required("input")
                              .build())
                      .build();
                })
            .toList();
    return new Delegates(tools, depth, maxDepth, maxFanOut);
  }

  /** The task's session, a new one for a task without; null when the task failed for it. */
  private Session session(Task task) {
    if (task.getSessionId() == null) {
      var session = new Session(task.getTenant(), task.getAgent(), clock.instant());
      em.persist(session);
      em.flush(); // its messages refer to it, and EclipseLink does not know to insert it first
      return session;
    }
    var session = em.find(Session.class, task.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      fail(task, "SESSION_NOT_FOUND", "Session '" + task.getSessionId() + "' does not exist.");
      return null;
    }
    if (!session.isActive()) {
      fail(task, "SESSION_KILLED", "The session was killed.");
      return null;
    }
    return session;
  }

  private ClaimedRun fail(Task task, String code, String message) {
    var reason = code.equals("PROVIDER_ERROR") ? StopReason.PROVIDER_ERROR.apiName() : null;
    task.fail(code, message, reason, clock.instant());
    events.append(task.getId(), task.getAgent(), Status.failed(code));
    ended.fire(new TaskEnded(task));
    return null;
  }

  /**
   * For an agent that delegates, the token budget is the whole task's, children included: the run
   * gets what the task and its child tasks have not used yet (at least 1, which stops the run
   * before its first model call once the budget is gone).
   */
  static AgentSpec withTreeSpent(AgentSpec spec, long spent) {
    var limits = spec.limits();
    return spec.withLimits(
        new AgentLimits(
            limits.maxIterations(),
            limits.maxDurationSeconds(),
            Math.max(1, limits.tokenBudget() - spent)));
  }

  /** The agent's definition with the task's own limits in place of the agent's. */
  static AgentSpec withTaskLimits(AgentSpec spec, Task task) {
    var agentLimits = spec.limits();
    var taskSpec = task.spec();
    var limits =
        new AgentLimits(
            taskSpec.maxIterations() != null
                ? taskSpec.maxIterations()
                : agentLimits.maxIterations(),
            taskSpec.maxDurationSeconds() != null
                ? taskSpec.maxDurationSeconds()
                : agentLimits.maxDurationSeconds(),
            taskSpec.tokenBudget() != null ? taskSpec.tokenBudget() : agentLimits.tokenBudget());
    return spec.withLimits(limits);
  }
}
