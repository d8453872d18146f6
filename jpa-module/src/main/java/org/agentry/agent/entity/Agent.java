package org.agentry.agent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.entity.NameListConverter;
import org.agentry.platform.entity.Names;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tenant.entity.Tenants;

/** An agent: its definition ({@link AgentSpec}) and whether it is paused. */
@Entity
@NamedQuery(
    name = Agent.WITH_BUDGET,
    query =
        "SELECT a, b FROM Agent a LEFT JOIN AgentBudget b ON b.name = a.name"
            + " AND b.tenant = a.tenant WHERE a.tenant = :tenant AND a.name = :name")
@NamedQuery(
    name = Agent.WITH_PROVIDER_AND_BUDGET,
    query =
        "SELECT a, p, b FROM Agent a LEFT JOIN Provider p ON p.name = a.provider"
            + " AND p.tenant = a.tenant LEFT JOIN AgentBudget b ON b.name = a.name"
            + " AND b.tenant = a.tenant WHERE a.tenant = :tenant AND a.name = :name")
@NamedQuery(
    name = Agent.FIND_ALL,
    query = "SELECT a FROM Agent a WHERE a.tenant = :tenant ORDER BY a.name")
@IdClass(TenantKey.class)
public class Agent {

  /**
   * The agent and its budget (null when it has none), in one query: {@code [Agent, AgentBudget]}.
   */
  public static final String WITH_BUDGET = "Agent.withBudget";

  /**
   * The agent, its provider and its budget (each null when missing), in one query: {@code [Agent,
   * Provider, AgentBudget]}.
   */
  public static final String WITH_PROVIDER_AND_BUDGET = "Agent.withProviderAndBudget";

  /** A tenant's agents by name; parameter {@code tenant}. */
  public static final String FIND_ALL = "Agent.findAll";

  @Id
  @Column(length = 63)
  private String tenant;

  @Id
  @Column(length = 63)
  private String name;

  @Column(length = 2000)
  private String description;

  @Column(name = "system_prompt", nullable = false)
  private String systemPrompt;

  @Column(name = "provider_name", nullable = false, length = 63)
  private String provider;

  @Column(nullable = false)
  private String model;

  private Double temperature;

  @Column(name = "max_output_tokens")
  private Integer maxOutputTokens;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false)
  private List<String> tools;

  @Column(name = "max_iterations", nullable = false)
  private int maxIterations;

  @Column(name = "max_duration_seconds", nullable = false)
  private int maxDurationSeconds;

  @Column(name = "token_budget")
  private Long tokenBudget;

  @Column(nullable = false)
  private boolean enabled;

  /** The agents it may address; see {@link AgentSpec#peers()}. */
  @Convert(converter = NameListConverter.class)
  @Column(nullable = false)
  private List<String> peers;

  @Column(name = "payload_element")
  private String payloadElement;

  @Column(name = "payload_output_element")
  private String payloadOutputElement;

  @Column(name = "payload_schema")
  private String payloadSchema;

  /** The settings of single tools as JSON text; see {@link AgentSpec#toolSettings()}. */
  @Column(name = "tool_settings", nullable = false)
  private String toolSettings;

  /** The skills it may load; see {@link AgentSpec#skills()}. */
  @Convert(converter = NameListConverter.class)
  @Column(nullable = false)
  private List<String> skills;

  /** The agents it may call as tools; see {@link AgentSpec#delegates()}. */
  @Convert(converter = NameListConverter.class)
  @Column(nullable = false)
  private List<String> delegates;

  @Column(name = "speculative_model")
  private String speculativeModel;

  @Column(nullable = false)
  private boolean paused;

  /** SHA-256 of the agent package it was loaded from, or null when defined over the API. */
  @Column(name = "package_digest", length = 64)
  private String packageDigest;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Agent() {}

  /**
   * A new, unpaused agent.
   *
   * @throws InvalidInputException if the name does not match {@value Names#PATTERN}
   */
  public Agent(String tenant, String name, AgentSpec spec, Instant now) {
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(), "'name' must match " + Names.PATTERN);
    this.tenant = Tenants.require(tenant);
    this.name = name;
    this.createdAt = Objects.requireNonNull(now);
    redefine(spec, now);
  }

  /** Replaces the definition; the paused flag is kept. */
  public void redefine(AgentSpec spec, Instant now) {
    description = spec.description();
    systemPrompt = spec.systemPrompt();
    provider = spec.provider();
    model = spec.model();
    temperature = spec.temperature();
    maxOutputTokens = spec.maxOutputTokens();
    tools = spec.tools();
    maxIterations = spec.limits().maxIterations();
    maxDurationSeconds = spec.limits().maxDurationSeconds();
    tokenBudget = spec.limits().tokenBudget();
    enabled = spec.enabled();
    peers = spec.peers();
    var payload = spec.payload();
    payloadElement = payload == null ? null : payload.element();
    payloadOutputElement = payload == null ? null : payload.outputElement();
    payloadSchema = payload == null ? null : payload.schema();
    toolSettings = spec.toolSettings().toString();
    skills = spec.skills();
    delegates = spec.delegates();
    speculativeModel = spec.speculativeModel();
    updatedAt = now;
  }

  public AgentSpec spec() {
    var limits = new AgentLimits(maxIterations, maxDurationSeconds, tokenBudget);
    return new AgentSpec(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        limits,
        enabled,
        peers,
        payloadElement == null
            ? null
            : new PayloadType(payloadElement, payloadOutputElement, payloadSchema),
        toolSettings == null || toolSettings.isEmpty()
            ? null
            : Jsons.createReader(toolSettings).readObject(),
        skills,
        delegates,
        speculativeModel);
  }

  /** Marks the definition as loaded from an agent package with this digest. */
  public void loadedFromPackage(String digest) {
    packageDigest = digest;
  }

  /** The digest of the package it came from, or null when defined over the API. */
  public String getPackageDigest() {
    return packageDigest;
  }

  public void pause(Instant now) {
    paused = true;
    updatedAt = now;
  }

  public void resume(Instant now) {
    paused = false;
    updatedAt = now;
  }

  /** Whether new chats and tasks are accepted: enabled and not paused. */
  public boolean acceptsWork() {
    return enabled && !paused;
  }

  public String getName() {
    return name;
  }

  /** The tenant it belongs to; its name is unique within it. */
  public String getTenant() {
    return tenant;
  }

  public boolean isPaused() {
    return paused;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The optimistic-lock version, exposed as the resource's ETag. */
  public long getVersion() {
    return version;
  }
}
