package org.agentry.approval.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.agentry.approval.entity.Approval;
import org.agentry.approval.entity.ApprovalStatus;
import org.agentry.task.control.TaskEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores the approval a run parked on, in the caller's transaction, expiring after {@code
 * agentry.approvals.expiry} (an ISO-8601 duration, default {@code PT24H}); a task's gets an {@value
 * ApprovalEvents#REQUESTED} event.
 */
@ApplicationScoped
public class PendingApprovals {

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.approvals.expiry", defaultValue = "PT24H")
  String expirySetting;

  private Duration expiry;

  /**
   * @throws IllegalArgumentException if {@code agentry.approvals.expiry} is not a positive ISO-8601
   *     duration
   */
  @PostConstruct
  void readExpiry() {
    try {
      expiry = Duration.parse(expirySetting.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "agentry.approvals.expiry must be an ISO-8601 duration such as PT24H", e);
    }
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("agentry.approvals.expiry must be positive");
    }
  }

  /** How long a pending approval waits for a decision. */
  public Duration expiry() {
    return expiry;
  }

  /**
   * Stores a pending approval.
   *
   * @param taskId the task that waits, or null for a chat turn
   */
  public Approval open(ApprovalRequest request, String agent, String sessionId, String taskId) {
    var now = clock.instant();
    var approval =
        new Approval(
            request.approvalId(),
            taskId,
            sessionId,
            agent,
            request.tool(),
            request.callId(),
            request.arguments(),
            request.approverRole(),
            now,
            now.plus(expiry));
    var session = em.find(org.agentry.session.entity.Session.class, sessionId);
    if (session != null) {
      approval.ownedBy(session.getTenant());
    }
    em.persist(approval);
    ApprovalEvents.requested(events, approval);
    return approval;
  }

  /**
   * Closes the pending approvals of a task being cancelled, in the caller's transaction: each
   * becomes {@code cancelled} (decided by {@code who}, comment {@code task cancelled}) with an
   * {@value ApprovalEvents#DECIDED} event, so nobody can approve a call that will never run. The
   * rows are locked as a decision locks them, so a decision at the same moment either lands first
   * (and this finds nothing pending) or is refused as {@code APPROVAL_DECIDED}.
   *
   * @return the approvals closed, usually none or one
   */
  public List<Approval> cancelFor(String taskId, String who) {
    var pending =
        em.createNamedQuery(Approval.OF_TASK, Approval.class)
            .setParameter("taskId", taskId)
            .setParameter("status", ApprovalStatus.PENDING)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    var now = clock.instant();
    for (var approval : pending) {
      approval.decide(ApprovalStatus.CANCELLED, who, "task cancelled", now);
      ApprovalEvents.decided(events, approval);
    }
    return pending;
  }
}
