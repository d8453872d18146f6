package org.agentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.agentry.audit.entity.Actor;
import org.agentry.audit.entity.AuditEvent;
import org.agentry.security.entity.ApiKey;

/**
 * Records a change made by an API caller in the audit log, in the caller's transaction: the row
 * commits with the change or rolls back with it. Boundaries call it before they validate, so a
 * refused change (any exception rolls back) leaves no row. Changes the server makes by itself
 * (timers, the agent loop) have no API caller and are not recorded.
 */
@ApplicationScoped
public class AuditLog {

  /** The start of an API key caller's name (see {@code ApiKeys}); the key's id follows. */
  private static final String KEY_CALLER_PREFIX = "api-key:";

  @PersistenceContext EntityManager em;

  @Inject AuditOrigin origin;

  @Inject Clock clock;

  /**
   * Records a change that is about to be made, unless no API caller is known.
   *
   * @param action e.g. {@code agent.create}
   * @param resourceType e.g. {@code agent}
   * @param resourceId the resource's name or id, or null
   */
  public void record(String action, String resourceType, String resourceId) {
    record(action, resourceType, resourceId, null);
  }

  /**
   * As {@link #record(String, String, String)}, with a short note that holds no secret.
   *
   * @param detail e.g. {@code force}, or null
   */
  public void record(String action, String resourceType, String resourceId, String detail) {
    var actor = actor();
    if (actor == null) {
      return;
    }
    em.persist(
        new AuditEvent(
            clock.instant(), actor, action, resourceType, resourceId, AuditEvent.OK, detail));
  }

  /** The API caller, with its key's display prefix; null without one. */
  private Actor actor() {
    try {
      if (!origin.known()) {
        return null;
      }
      var subject = origin.subject();
      String prefix = null;
      if (subject.startsWith(KEY_CALLER_PREFIX)) {
        var key = em.find(ApiKey.class, subject.substring(KEY_CALLER_PREFIX.length()));
        prefix = key == null ? null : key.getKeyPrefix();
      }
      return new Actor(
          subject, origin.authMethod(), prefix, origin.tenant(), origin.clientAddress());
    } catch (ContextNotActiveException e) {
      return null; // a thread of the server's own, outside any request
    }
  }
}
