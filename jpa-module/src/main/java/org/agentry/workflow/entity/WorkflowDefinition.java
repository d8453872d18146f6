package org.agentry.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;
import org.agentry.tenant.entity.TenantKey;

/**
 * A named workflow definition: its JSON (checked by the workflow control before it gets here) and a
 * description. The version is its ETag.
 */
@Entity
@Table(name = "workflow_definition")
@NamedQuery(
    name = WorkflowDefinition.FIND_ALL,
    query = "SELECT w FROM WorkflowDefinition w WHERE w.tenant = :tenant ORDER BY w.name")
@IdClass(TenantKey.class)
public class WorkflowDefinition {

  /** A tenant's workflows by name; parameter {@code tenant}. */
  public static final String FIND_ALL = "WorkflowDefinition.findAll";

  /** The tenant it belongs to; its name is unique within the tenant. */
  @Id
  @Column(length = 63)
  private String tenant;

  @Id
  @Column(length = 63)
  private String name;

  @Column(length = 2000)
  private String description;

  @Column(nullable = false)
  private String definition;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WorkflowDefinition() {}

  /**
   * @param tenant the tenant of the caller who made it
   * @param definition the definition as a JSON object text
   * @throws InvalidInputException if the name does not match {@value Names#PATTERN} or the
   *     description is longer than 2000 characters
   */
  public WorkflowDefinition(
      String tenant, String name, String description, String definition, Instant now) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    InvalidInputException.check(
        name != null && Names.VALID.matcher(name).matches(), "'name' must match " + Names.PATTERN);
    this.name = name;
    redefine(description, definition, now);
    this.createdAt = now;
  }

  /** Replaces the description and the definition. */
  public void redefine(String description, String definition, Instant now) {
    InvalidInputException.check(
        description == null || description.length() <= 2000,
        "'description' must be at most 2000 characters");
    this.description = description;
    this.definition = Objects.requireNonNull(definition);
    this.updatedAt = Objects.requireNonNull(now);
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getDefinition() {
    return definition;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
