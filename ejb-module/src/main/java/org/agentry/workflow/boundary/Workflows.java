package org.agentry.workflow.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.workflow.control.DefinitionReader;
import org.agentry.workflow.control.MachineReader;
import org.agentry.workflow.control.WorkflowInvalidException;
import org.agentry.workflow.entity.WorkflowDefinition;

/** Workflow definitions: create, read, replace (with optimistic locking), delete. */
@Stateless
public class Workflows {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CallerTenant tenant;

  /** Every workflow, by name. */
  public List<WorkflowDefinition> list() {
    return em.createNamedQuery(WorkflowDefinition.FIND_ALL, WorkflowDefinition.class)
        .setParameter("tenant", tenant.id())
        .getResultList();
  }

  /**
   * The named workflow.
   *
   * @throws UnknownResourceException {@code WORKFLOW_NOT_FOUND}
   */
  public WorkflowDefinition get(String name) {
    var workflow = name == null ? null : em.find(WorkflowDefinition.class, key(name));
    if (workflow == null) {
      throw new UnknownResourceException("workflow", name);
    }
    return workflow;
  }

  /**
   * Creates a workflow.
   *
   * @param definition {@code {"root": <node>}}
   * @throws StateConflictException {@code WORKFLOW_EXISTS} if the name is taken
   * @throws WorkflowInvalidException if the definition breaks a rule (422)
   * @throws InvalidInputException for a bad name or description
   */
  public WorkflowDefinition create(String name, String description, JsonObject definition) {
    audit.record("workflow.create", "workflow", name);
    if (name != null && em.find(WorkflowDefinition.class, key(name)) != null) {
      throw new StateConflictException(
          "WORKFLOW_EXISTS", "A workflow '" + name + "' exists already.");
    }
    var workflow =
        new WorkflowDefinition(
            tenant.id(), name, description, checked(definition), clock.instant());
    em.persist(workflow);
    em.flush();
    return workflow;
  }

  /**
   * Replaces a workflow's description and definition; runs under way keep theirs.
   *
   * @param expectedVersion the version the caller read (its ETag)
   * @throws StaleVersionException if the workflow changed since
   * @throws WorkflowInvalidException if the definition breaks a rule (422)
   */
  public WorkflowDefinition replace(
      String name, long expectedVersion, String description, JsonObject definition) {
    audit.record("workflow.update", "workflow", name);
    var workflow = get(name);
    if (workflow.getVersion() != expectedVersion) {
      throw new StaleVersionException("workflow", name);
    }
    workflow.redefine(description, checked(definition), clock.instant());
    em.flush();
    return workflow;
  }

  /** Deletes a workflow; its runs stay, with the definition they ran. */
  public void delete(String name) {
    audit.record("workflow.delete", "workflow", name);
    em.remove(get(name));
  }

  private String checked(JsonObject definition) {
    java.util.function.Predicate<String> known =
        agent -> agent != null && em.find(Agent.class, key(agent)) != null;
    if (MachineReader.isMachine(definition)) {
      MachineReader.read(definition, known);
    } else {
      DefinitionReader.read(definition, known);
    }
    return definition.toString();
  }

  /** The key of a name in the caller's tenant. */
  private TenantKey key(String name) {
    return new TenantKey(tenant.id(), name);
  }
}
