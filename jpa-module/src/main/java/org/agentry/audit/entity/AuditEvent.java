package org.agentry.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited event: a change made through the API ({@code agent.create}, {@code task.cancel}…) or
 * a refused sign-in ({@code signin.failure}). Immutable, so it has no version. Text fields are cut
 * to their column's length; none ever holds a secret (an API key appears only as its display
 * prefix).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  /** The outcome of a change that was made. */
  public static final String OK = "ok";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(nullable = false, length = 255)
  private String actor;

  @Column(name = "auth_method", nullable = false, length = 16)
  private String authMethod;

  @Column(name = "key_prefix", length = 16)
  private String keyPrefix;

  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(name = "resource_type", length = 32)
  private String resourceType;

  @Column(name = "resource_id", length = 255)
  private String resourceId;

  @Column(name = "client_address", length = 64)
  private String clientAddress;

  @Column(nullable = false, length = 64)
  private String outcome;

  @Column(length = 500)
  private String detail;

  protected AuditEvent() {}

  /**
   * @param who who acted and from where
   * @param action e.g. {@code agent.create}
   * @param resourceType e.g. {@code agent}, or null
   * @param resourceId the resource's name or id, or null
   * @param outcome {@value #OK}, or the problem code of a refusal
   * @param detail a short note without secrets, or null
   */
  public AuditEvent(
      Instant at,
      Actor who,
      String action,
      String resourceType,
      String resourceId,
      String outcome,
      String detail) {
    this.id = UUID.randomUUID().toString();
    this.at = Objects.requireNonNull(at, "at");
    this.actor = cut(Objects.requireNonNull(who, "who").subject(), 255);
    this.authMethod = cut(who.authMethod(), 16);
    this.keyPrefix = cut(who.keyPrefix(), 16);
    this.tenant = cut(who.tenant(), 63);
    this.clientAddress = cut(who.clientAddress(), 64);
    this.action = cut(Objects.requireNonNull(action, "action"), 64);
    this.resourceType = cut(resourceType, 32);
    this.resourceId = cut(resourceId, 255);
    this.outcome = cut(Objects.requireNonNull(outcome, "outcome"), 64);
    this.detail = cut(detail, 500);
  }

  static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public String getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAuthMethod() {
    return authMethod;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public String getTenant() {
    return tenant;
  }

  public String getAction() {
    return action;
  }

  public String getResourceType() {
    return resourceType;
  }

  public String getResourceId() {
    return resourceId;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }
}
