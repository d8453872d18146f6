package org.agentry.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A browser session opened by an OpenID Connect sign-in. Its id is the SHA-256 hex digest of the
 * session cookie's value, and the CSRF token is kept as a digest too, so a copy of the table signs
 * nobody in. It ends after an idle time without requests or at an absolute expiry, whichever comes
 * first.
 */
@Entity
@Table(name = "web_session")
@NamedQuery(
    name = WebSession.DELETE_ENDED,
    query = "DELETE FROM WebSession s WHERE s.expiresAt < :now OR s.lastSeenAt < :idleSince")
@NamedQuery(
    name = WebSession.TOUCH,
    query =
        "UPDATE WebSession s SET s.lastSeenAt = :now WHERE s.id = :id AND s.lastSeenAt < :stale")
public class WebSession {

  public static final String DELETE_ENDED = "WebSession.deleteEnded";

  /**
   * Moves {@code lastSeenAt} to {@code :now} when older than {@code :stale}: a bulk update, so that
   * parallel requests of one page neither conflict on the version nor write on every request.
   */
  public static final String TOUCH = "WebSession.touch";

  @Id
  @Column(length = 64)
  private String id;

  @Column(nullable = false, length = 255)
  private String subject;

  @Column(name = "display_name", length = 255)
  private String displayName;

  @Column(length = 320)
  private String email;

  /** Comma-separated role names ({@code ADMIN,VIEWER}); empty for a caller without a role. */
  @Column(nullable = false, length = 64)
  private String roles;

  /** The tenant the identity provider's token named at sign-in. */
  @Column(nullable = false, length = 63)
  private String tenant = "default";

  /** Whether the holder may act across tenants. */
  @Column(name = "platform_admin", nullable = false)
  private boolean platformAdmin;

  @Column(name = "csrf_hash", nullable = false, length = 64)
  private String csrfHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Version private long version;

  protected WebSession() {}

  /**
   * A new session.
   *
   * @param id the SHA-256 hex digest of the session token
   * @param csrfHash the SHA-256 hex digest of the CSRF token
   * @param lifetime the absolute lifetime, counted from {@code now}
   */
  public WebSession(
      String id,
      String csrfHash,
      String subject,
      String displayName,
      String email,
      Set<Role> roles,
      Instant now,
      Duration lifetime) {
    this.id = Objects.requireNonNull(id, "id");
    this.csrfHash = Objects.requireNonNull(csrfHash, "csrfHash");
    this.subject = truncate(Objects.requireNonNull(subject, "subject"), 255);
    this.displayName = displayName == null ? null : truncate(displayName, 255);
    this.email = email == null ? null : truncate(email, 320);
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    this.createdAt = Objects.requireNonNull(now, "now");
    this.lastSeenAt = now;
    this.expiresAt = now.plus(lifetime);
  }

  /**
   * Records the holder's tenant, as its token named it at sign-in.
   *
   * @return this session
   */
  public WebSession ownedBy(String tenant, boolean platformAdmin) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.platformAdmin = platformAdmin;
    return this;
  }

  public String getTenant() {
    return tenant;
  }

  public boolean isPlatformAdmin() {
    return platformAdmin;
  }

  /** Whether the session still signs its holder in at {@code now}. */
  public boolean isActive(Instant now, Duration idle) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }

  public String getId() {
    return id;
  }

  public String getSubject() {
    return subject;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  /** The roles granted at sign-in. */
  public Set<Role> getRoles() {
    var set = EnumSet.noneOf(Role.class);
    if (!roles.isEmpty()) {
      Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
    }
    return set;
  }

  public String getCsrfHash() {
    return csrfHash;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
