package org.agentry.capability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentry.agent.entity.Agent;

/**
 * Every agent, as a task takes it: its input is the body of {@code POST
 * /api/v1/agents/{name}/tasks} (its main fields; see the README for all). An agent with a payload
 * type also shows its root element and XML Schema: its input is then such an element, sent as the
 * JSON {@code input} or as an {@code application/xml} body.
 */
@ApplicationScoped
public class AgentCapabilities implements CapabilitySource {

  private static final Map<String, Object> SCHEMA = schema();

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject org.agentry.tenant.control.CallerTenant tenant;

  @Override
  public String kind() {
    return "agent";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<Capability> capabilities() {
    return em
        .createNamedQuery(Agent.FIND_ALL, Agent.class)
        .setParameter("tenant", tenant.id())
        .getResultList()
        .stream()
        .map(this::capability)
        .sorted(java.util.Comparator.comparing(Capability::name))
        .toList();
  }

  private Capability capability(Agent agent) {
    var spec = agent.spec();
    var description = spec.description();
    var payload = spec.payload();
    return new Capability(
        agent.getName(),
        kind(),
        description == null || description.isBlank() ? "Agent " + agent.getName() : description,
        SCHEMA,
        Map.of(
            "input",
            payload == null
                ? "<what the agent should do>"
                : "<" + payload.element() + ">…</" + payload.element() + ">"),
        "POST /api/v1/agents/" + agent.getName() + "/tasks",
        payload == null ? null : payload.element(),
        payload == null ? null : payload.schema());
  }

  private static Map<String, Object> schema() {
    var properties = new LinkedHashMap<String, Object>();
    properties.put(
        "input", Map.of("type", "string", "description", "The message the agent works on"));
    properties.put(
        "priority",
        Map.of("type", "integer", "minimum", 0, "maximum", 9, "description", "0–9, default 4"));
    properties.put(
        "sessionId", Map.of("type", "string", "description", "A session of the agent to continue"));
    properties.put(
        "tags",
        Map.of(
            "type",
            "array",
            "items",
            Map.of("type", "string"),
            "description",
            "Labels to find the task by"));
    var schema = new LinkedHashMap<String, Object>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("input"));
    schema.put("additionalProperties", false);
    return java.util.Collections.unmodifiableMap(schema);
  }
}
