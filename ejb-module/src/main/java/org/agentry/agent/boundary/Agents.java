package org.agentry.agent.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import org.agentry.agent.control.AgentPackage;
import org.agentry.agent.control.AgentPackages;
import org.agentry.agent.entity.Agent;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.PayloadType;
import org.agentry.audit.control.AuditLog;
import org.agentry.payload.control.InvalidSchemaException;
import org.agentry.payload.control.PayloadSchemas;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.provider.entity.Provider;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tool.control.ToolInvoker;

/** Agent definitions: create, read, replace (with optimistic locking), delete, pause, resume. */
@Stateless
public class Agents {

  @Inject AuditLog audit;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject CallerTenant tenant;

  @Inject ToolInvoker tools;

  @Inject PayloadSchemas schemas;

  /** Every agent of the caller's tenant, by name. */
  public List<Agent> list() {
    return em.createNamedQuery(Agent.FIND_ALL, Agent.class)
        .setParameter("tenant", tenant.id())
        .getResultList();
  }

  /**
   * The named agent.
   *
   * @throws UnknownResourceException if there is none
   */
  public Agent get(String name) {
    var agent = name == null ? null : em.find(Agent.class, new TenantKey(tenant.id(), name));
    if (agent == null) {
      throw new UnknownResourceException("agent", name);
    }
    return agent;
  }

  /**
   * Creates an agent.
   *
   * @throws StateConflictException {@code AGENT_EXISTS} if the name is taken
   * @throws InvalidInputException if the provider or a tool does not exist
   * @throws InvalidSchemaException if the payload type's schema does not compile or does not
   *     declare its elements
   */
  public Agent create(String name, AgentSpec spec) {
    audit.record("agent.create", "agent", name);
    if (name != null && em.find(Agent.class, new TenantKey(tenant.id(), name)) != null) {
      throw new StateConflictException("AGENT_EXISTS", "An agent '" + name + "' exists already.");
    }
    checkReferences(spec);
    var agent = new Agent(tenant.id(), name, spec, clock.instant());
    em.persist(agent);
    em.flush();
    return agent;
  }

  /**
   * Replaces an agent's definition.
   *
   * @param expectedVersion the version the caller read (its ETag)
   * @throws StaleVersionException if the agent changed since
   */
  public Agent replace(String name, long expectedVersion, AgentSpec spec) {
    audit.record("agent.update", "agent", name);
    var agent = get(name);
    if (agent.getVersion() != expectedVersion) {
      throw new StaleVersionException("agent", name);
    }
    checkReferences(spec);
    agent.redefine(spec, clock.instant());
    em.flush();
    return agent;
  }

  /** Deletes an agent; its sessions and usage stay. */
  public void delete(String name) {
    audit.record("agent.delete", "agent", name);
    em.remove(get(name));
  }

  /** Stops the agent from accepting new chats and tasks. */
  public Agent pause(String name) {
    audit.record("agent.pause", "agent", name);
    var agent = get(name);
    agent.pause(clock.instant());
    em.flush();
    return agent;
  }

  /** Lets the agent accept work again. */
  public Agent resume(String name) {
    audit.record("agent.resume", "agent", name);
    var agent = get(name);
    agent.resume(clock.instant());
    em.flush();
    return agent;
  }

  /**
   * Brings the agents defined by packages in line with the packages in {@code dir}: new packages
   * are added, changed ones redefined, and agents whose package folder is gone removed. Agents
   * defined over the API are left alone, and so is a package whose name an API agent holds.
   *
   * @throws UncheckedIOException if the directory cannot be read
   */
  public ReloadReport reload(Path dir) {
    AgentPackages.Scan scan;
    try {
      scan = AgentPackages.scan(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read agent packages in " + dir, e);
    }
    var report = new ReloadReport(new TreeMap<>(scan.errors()));
    var seen = new HashSet<String>();
    for (var pkg : scan.packages()) {
      seen.add(pkg.name());
      try {
        apply(pkg, report);
      } catch (InvalidInputException e) {
        report.errors().put(pkg.name(), e.getMessage());
      }
    }
    for (var agent : list()) {
      if (agent.getPackageDigest() != null && !seen.contains(agent.getName())) {
        em.remove(agent);
        report.removed().add(agent.getName());
      }
    }
    return report;
  }

  private void apply(AgentPackage pkg, ReloadReport report) {
    checkTools(pkg.spec());
    try {
      checkPayload(pkg.spec());
    } catch (InvalidSchemaException e) {
      throw new InvalidInputException("payload.xsd: " + e.getMessage());
    }
    var agent = em.find(Agent.class, new TenantKey(tenant.id(), pkg.name()));
    if (agent == null) {
      agent = new Agent(tenant.id(), pkg.name(), pkg.spec(), clock.instant());
      agent.loadedFromPackage(pkg.digest());
      em.persist(agent);
      report.added().add(pkg.name());
    } else if (agent.getPackageDigest() == null) {
      report.errors().put(pkg.name(), "an agent of this name was defined over the API");
    } else if (!agent.getPackageDigest().equals(pkg.digest())) {
      agent.redefine(pkg.spec(), clock.instant());
      agent.loadedFromPackage(pkg.digest());
      report.changed().add(pkg.name());
    }
  }

  /**
   * The agent's package as a zip ({@code <name>/AGENT.md}, {@code <name>/agent.json}).
   *
   * @throws UnknownResourceException if there is no such agent
   */
  public byte[] exportPackage(String name) {
    try {
      return AgentPackages.zip(name, get(name).spec());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkReferences(AgentSpec spec) {
    InvalidInputException.check(
        spec.provider() != null
            && em.find(Provider.class, new TenantKey(tenant.id(), spec.provider())) != null,
        "'provider' names no provider: " + spec.provider());
    checkTools(spec);
    checkPayload(spec);
  }

  private void checkPayload(AgentSpec spec) {
    if (spec.payload() != null) {
      schemas.of(spec.payload());
    }
  }

  /**
   * The agent's payload type.
   *
   * @return null when the agent takes free text
   * @throws UnknownResourceException if there is no such agent
   */
  public PayloadType payloadType(String name) {
    return get(name).spec().payload();
  }

  /**
   * The agent's payload schema (XSD text).
   *
   * @throws UnknownResourceException {@code AGENT_NOT_FOUND}, or {@code PAYLOAD_SCHEMA_NOT_FOUND}
   *     when the agent has no payload type
   */
  public String payloadSchema(String name) {
    var payload = get(name).spec().payload();
    if (payload == null) {
      throw new UnknownResourceException("payload schema", name);
    }
    return payload.schema();
  }

  private void checkTools(AgentSpec spec) {
    org.agentry.tool.control.AgentToolSettings.check(spec);
    org.agentry.approval.control.ApprovalPolicy.check(spec);
    org.agentry.tool.control.ToolRecovery.check(spec);
    tools.check(spec.tools());
  }
}
