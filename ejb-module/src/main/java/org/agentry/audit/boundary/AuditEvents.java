package org.agentry.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.agentry.audit.control.SignInThrottle;
import org.agentry.audit.entity.Actor;
import org.agentry.audit.entity.AuditEvent;

/** Reads the audit log, records refused sign-ins, and prunes old rows. */
@Stateless
public class AuditEvents {

  /** The action of a refused sign-in. */
  public static final String SIGNIN_FAILURE = "signin.failure";

  /**
   * Which rows to read; null fields do not filter.
   *
   * @param from earliest instant, inclusive
   * @param to latest instant, exclusive
   * @param actor the exact subject, e.g. {@code admin} or {@code api-key:<id>}
   * @param action the exact action, e.g. {@code agent.create}
   * @param resource the exact resource name or id
   */
  public record Filter(Instant from, Instant to, String actor, String action, String resource) {}

  /** The position after the last row seen: its instant and id (rows go newest first). */
  public record Cursor(Instant at, String id) {}

  @PersistenceContext EntityManager em;

  @Inject SignInThrottle throttle;

  @Inject Clock clock;

  @Inject org.agentry.tenant.control.CallerTenant tenant;

  /**
   * A page of the caller's tenant's rows matching the filter (sign-in failures, whose caller is
   * unknown, belong to {@code default}), newest first (then by id, descending).
   *
   * @param after the last row of the previous page, or null for the first page
   * @param limit at most this many rows
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEvent> page(Filter filter, Cursor after, int limit) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    add(where, params, tenant.id(), "e.tenant = :tenant", "tenant");
    add(where, params, filter.from(), "e.at >= :from", "from");
    add(where, params, filter.to(), "e.at < :to", "to");
    add(where, params, filter.actor(), "e.actor = :actor", "actor");
    add(where, params, filter.action(), "e.action = :action", "action");
    add(where, params, filter.resource(), "e.resourceId = :resource", "resource");
    if (after != null) {
      where.add("(e.at < :cAt OR (e.at = :cAt AND e.id < :cId))");
      params.put("cAt", after.at());
      params.put("cId", after.id());
    }
    var jpql =
        "SELECT e FROM AuditEvent e"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY e.at DESC, e.id DESC";
    var query = em.createQuery(jpql, AuditEvent.class).setMaxResults(limit);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void add(
      List<String> where, HashMap<String, Object> params, Object value, String clause, String n) {
    if (value != null) {
      where.add(clause);
      params.put(n, value);
    }
  }

  /**
   * Records a refused sign-in, in a transaction of its own (the request changes nothing else). The
   * same credential from the same address is recorded once a minute at most, and at most 120
   * refusals a minute in all (see {@link SignInThrottle}).
   *
   * @param clientAddress the client's IP address
   * @param credentialDigest SHA-256 hex of the credential presented (tells repeats apart; not
   *     stored)
   * @param keyPrefix the display prefix of an Agentry token presented, or null
   * @param code the problem code answered, e.g. {@code UNAUTHORIZED}
   * @return whether a row was written
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean signInFailure(
      String clientAddress, String credentialDigest, String keyPrefix, String code) {
    if (!throttle.admit(clientAddress + "|" + credentialDigest)) {
      return false;
    }
    var who = new Actor(Actor.ANONYMOUS, "none", keyPrefix, Actor.DEFAULT_TENANT, clientAddress);
    em.persist(new AuditEvent(clock.instant(), who, SIGNIN_FAILURE, null, null, code, null));
    return true;
  }

  /**
   * Deletes the rows older than an instant.
   *
   * @return how many rows were deleted
   */
  public int prune(Instant before) {
    return em.createQuery("DELETE FROM AuditEvent e WHERE e.at < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
