package org.agentry.organism.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.agent.boundary.AgentPackageLoader;
import org.agentry.dispatch.boundary.TaskDispatch;
import org.agentry.dispatch.control.DispatchSwitch;
import org.agentry.dispatch.control.NodeDrain;
import org.agentry.dispatch.control.NodeIdentity;
import org.agentry.dispatch.control.TaskRunner;
import org.agentry.organism.control.Settings;
import org.agentry.platform.boundary.SystemInfo;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.task.entity.TaskStatus;
import org.eclipse.microprofile.config.Config;

/**
 * The server as a whole: what it is, its nodes, how much it holds, and this node's drain.
 *
 * <p>Nodes: this one, plus every other node that holds a running task's lease (the dispatch state
 * is the only record of other nodes the server keeps).
 */
@Stateless
public class Organism {

  /** Longest drain deadline accepted: 3600 s. */
  public static final int MAX_DEADLINE_SECONDS = 3600;

  /**
   * A node.
   *
   * @param id its lease owner id ({@link NodeIdentity})
   * @param self whether it is the node that answers
   * @param running tasks it holds leases of
   */
  public record Node(String id, boolean self, long running) {}

  /**
   * What the server holds.
   *
   * @param agents {@code enabled}, {@code paused}, {@code disabled} → agents (a disabled agent
   *     counts as disabled whether paused or not)
   * @param sessions session status ({@code active}, {@code killed}) → sessions
   * @param tasks task status ({@code queued}, {@code running}, …) → tasks; every status is present
   * @param messages messages of all sessions
   */
  public record Counts(
      Map<String, Long> agents,
      Map<String, Long> sessions,
      Map<String, Long> tasks,
      long messages) {}

  /**
   * The answer of {@code GET /api/v1/organism}.
   *
   * @param node this node's id
   * @param startedAt when this node's JVM started
   * @param uptimeSeconds seconds since then
   * @param drain this node's drain
   */
  public record State(
      String name,
      String version,
      String databaseKind,
      String brokerKind,
      String node,
      Instant startedAt,
      long uptimeSeconds,
      List<Node> nodes,
      NodeDrain.Progress drain,
      boolean dispatchPaused,
      Counts counts) {}

  @PersistenceContext EntityManager em;

  @Inject SystemInfo systemInfo;
  @Inject TaskDispatch dispatch;
  @Inject NodeIdentity node;
  @Inject NodeDrain drain;
  @Inject TaskRunner runner;
  @Inject Clock clock;
  @Inject Config config;
  @Inject AgentPackageLoader packages;
  @Inject DispatchSwitch dispatchSwitch;

  /**
   * Describes the server and this node.
   *
   * @throws IllegalStateException if the database cannot be reached
   */
  public State describe() {
    var info = systemInfo.describe();
    var dispatchState = dispatch.state();
    var started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    return new State(
        info.name(),
        info.version(),
        info.databaseKind(),
        info.brokerKind(),
        node.id(),
        started,
        Duration.between(started, clock.instant()).toSeconds(),
        nodes(dispatchState.running()),
        drain.progress(runner.runningCount()),
        dispatchState.paused(),
        counts());
  }

  /**
   * Starts draining this node (or moves the deadline of its drain): it claims no task any more, and
   * running tasks keep their leases until the deadline; see {@link NodeDrain}.
   *
   * @param deadlineSeconds 0 to {@value #MAX_DEADLINE_SECONDS}
   * @throws InvalidInputException if the deadline is out of range
   */
  public NodeDrain.Progress stop(int deadlineSeconds) {
    InvalidInputException.check(
        deadlineSeconds >= 0 && deadlineSeconds <= MAX_DEADLINE_SECONDS,
        "'deadlineSeconds' must be 0 to " + MAX_DEADLINE_SECONDS);
    drain.start(Duration.ofSeconds(deadlineSeconds));
    return drain.progress(runner.runningCount());
  }

  /** The effective settings, secrets withheld; see {@link Settings}. */
  public List<Settings.Setting> settings() {
    return Settings.of(config);
  }

  /**
   * Reloads what can change at run time: the agent packages (see {@link
   * org.agentry.agent.boundary.Agents#reload}) and this node's cached dispatch switch. Every other
   * setting is read when the application deploys and needs a restart.
   *
   * @throws java.io.UncheckedIOException if the packages directory cannot be read
   */
  public Reload reload() {
    var report = packages.reload();
    dispatchSwitch.refresh();
    var errors =
        report.errors().entrySet().stream()
            .map(e -> new Reload.Error(e.getKey(), e.getValue()))
            .toList();
    return new Reload(
        report.added(),
        report.changed(),
        report.removed(),
        errors,
        List.of("agentPackages", "dispatchSwitch"));
  }

  private List<Node> nodes(Map<String, Long> running) {
    var nodes = new ArrayList<Node>();
    nodes.add(new Node(node.id(), true, running.getOrDefault(node.id(), 0L)));
    running.forEach(
        (id, count) -> {
          if (!id.equals(node.id())) {
            nodes.add(new Node(id, false, count));
          }
        });
    return nodes;
  }

  private Counts counts() {
    var agents = new TreeMap<String, Long>(Map.of("enabled", 0L, "paused", 0L, "disabled", 0L));
    for (var row :
        em.createQuery(
                "SELECT a.enabled, a.paused, COUNT(a) FROM Agent a GROUP BY a.enabled, a.paused",
                Object[].class)
            .getResultList()) {
      var state = !(Boolean) row[0] ? "disabled" : (Boolean) row[1] ? "paused" : "enabled";
      agents.merge(state, ((Number) row[2]).longValue(), Long::sum);
    }
    var sessions = new TreeMap<String, Long>(Map.of("active", 0L, "killed", 0L));
    grouped("SELECT s.status, COUNT(s) FROM Session s GROUP BY s.status", sessions);
    var tasks = new TreeMap<String, Long>();
    for (var status : TaskStatus.values()) {
      tasks.put(status.apiName(), 0L);
    }
    grouped("SELECT t.status, COUNT(t) FROM Task t GROUP BY t.status", tasks);
    long messages = em.createQuery("SELECT COUNT(m) FROM Message m", Long.class).getSingleResult();
    return new Counts(agents, sessions, tasks, messages);
  }

  private void grouped(String jpql, Map<String, Long> into) {
    for (var row : em.createQuery(jpql, Object[].class).getResultList()) {
      into.put(row[0].toString().toLowerCase(Locale.ROOT), ((Number) row[1]).longValue());
    }
  }
}
