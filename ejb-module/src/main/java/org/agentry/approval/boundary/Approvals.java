package org.agentry.approval.boundary;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.agentry.approval.control.ApprovalEvents;
import org.agentry.approval.entity.Approval;
import org.agentry.approval.entity.ApprovalStatus;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.run.control.StepWriter;
import org.agentry.security.entity.Role;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.entity.ToolCallOrigin;

/**
 * Approvals as people see them: list, read, approve, deny; and their expiry. A decision locks the
 * approval's row first, so that of two decisions at once exactly one applies and the other finds it
 * decided. Approving puts the waiting task back in the queue; its next run executes the call with
 * the approved arguments. Denying (or expiring) stores the tool error {@code denied by <who>:
 * <comment>} as the call's result and puts the task back in the queue, so that the model reads it.
 * Every decision is logged (who, what, when) and kept on the row.
 */
@Stateless
public class Approvals {

  @Inject AuditLog audit;

  private static final Logger AUDIT = Logger.getLogger("org.agentry.audit.approvals");

  /** Who decides an expired approval. */
  public static final String SYSTEM = "system";

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject org.agentry.tenant.control.CallerTenant tenant;

  @Inject TaskEvents events;
  @Inject StepWriter writer;
  @Inject Event<TaskReady> ready;
  @Inject Clock clock;

  /**
   * Approvals, oldest first.
   *
   * @param status only those in this status, or null for all
   * @param limit at most this many
   */
  public List<Approval> list(ApprovalStatus status, int limit) {
    var query =
        status == null
            ? em.createNamedQuery(Approval.ALL, Approval.class)
            : em.createNamedQuery(Approval.BY_STATUS, Approval.class)
                .setParameter("status", status);
    query.setParameter("tenant", tenant.id());
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * The approval.
   *
   * @throws UnknownResourceException {@code APPROVAL_NOT_FOUND}
   */
  public Approval get(String id) {
    var approval = id == null ? null : em.find(Approval.class, id);
    if (approval == null || !approval.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("approval", id);
    }
    return approval;
  }

  /**
   * Approves or denies a pending approval, and resumes its task if that still waits for it.
   *
   * @param who the caller's name, recorded as {@code decidedBy}
   * @param callerRoles the API names of the roles the caller holds
   * @param comment at most 2000 characters, or null
   * @throws UnknownResourceException {@code APPROVAL_NOT_FOUND}
   * @throws ApproverRoleRequiredException if the caller lacks the approval's approver role
   * @throws StateConflictException {@code APPROVAL_DECIDED} if it was decided (or expired) before
   */
  public Approval decide(
      String id, boolean approve, String who, Set<String> callerRoles, String comment) {
    audit.record(approve ? "approval.approve" : "approval.deny", "approval", id);
    var approval = locked(id);
    if (approval == null || !approval.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("approval", id);
    }
    if (!callerRoles.contains(approval.getApproverRole())
        && !callerRoles.contains(Role.ADMIN_NAME)) {
      throw new ApproverRoleRequiredException(approval.getApproverRole());
    }
    if (!approval.isPending()) {
      throw new StateConflictException(
          "APPROVAL_DECIDED", "The approval is " + approval.getStatus().apiName() + " already.");
    }
    apply(approval, approve ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED, who, comment);
    return approval;
  }

  /** Ids of pending approvals whose time ran out by {@code now}, at most {@code limit}. */
  public List<String> expired(Instant now, int limit) {
    return em.createNamedQuery(Approval.EXPIRED, String.class)
        .setParameter("status", ApprovalStatus.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Expires the approval if it is still pending and its time ran out: it is denied by {@value
   * #SYSTEM} as {@code expired}, and its task resumes with that error.
   *
   * @return whether it expired here
   */
  public boolean expire(String id) {
    var approval = locked(id);
    if (approval == null
        || !approval.isPending()
        || approval.getExpiresAt().isAfter(clock.instant())) {
      return false;
    }
    apply(approval, ApprovalStatus.EXPIRED, SYSTEM, "expired");
    return true;
  }

  /**
   * The approval, locked after its task: a cancel of the task locks the task's row and then closes
   * its approval, so taking the two locks in the other order here could deadlock with it.
   */
  private Approval locked(String id) {
    var approval = id == null ? null : em.find(Approval.class, id);
    if (approval == null) {
      return null;
    }
    if (approval.getTaskId() != null) {
      em.find(Task.class, approval.getTaskId(), LockModeType.PESSIMISTIC_WRITE);
    }
    em.refresh(approval, LockModeType.PESSIMISTIC_WRITE); // as it is now that it is locked
    return approval;
  }

  private void apply(Approval approval, ApprovalStatus outcome, String who, String comment) {
    var now = clock.instant();
    approval.decide(outcome, who, comment, now);
    AUDIT.info(
        () ->
            "approval "
                + approval.getId()
                + " of "
                + approval.getAgent()
                + "/"
                + approval.getTool()
                + " "
                + outcome.apiName()
                + " by "
                + who);
    ApprovalEvents.decided(events, approval);
    var task =
        approval.getTaskId() == null
            ? null
            : em.find(Task.class, approval.getTaskId(), LockModeType.PESSIMISTIC_WRITE);
    boolean waits =
        task != null
            && task.getStatus() == TaskStatus.WAITING
            && approval.getToolCallId().equals(task.getPendingCallId());
    if (outcome != ApprovalStatus.APPROVED && (waits || approval.getTaskId() == null)) {
      writeDenial(approval, who, comment);
    }
    if (waits) {
      if (outcome == ApprovalStatus.APPROVED) {
        task.resumeApproved(approval.getToolCallId(), now);
      } else {
        task.resumeWithAnswer(now);
      }
      events.append(task.getId(), task.getAgent(), Status.of("queued"));
      if (task.isRunnable(now)) {
        task.enqueued(now);
        ready.fire(new TaskReady(task.getId(), task.getPriority()));
      }
    }
    events.write();
  }

  /** Stores {@code denied by <who>: <comment>} as the call's result, for the model to read. */
  private void writeDenial(Approval approval, String who, String comment) {
    var error =
        "denied by " + who + (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
    var call =
        ToolExecutionRequest.builder()
            .id(approval.getToolCallId())
            .name(approval.getTool())
            .arguments(approval.getArguments())
            .build();
    var origin =
        new ToolCallOrigin(
            tenantOf(approval), approval.getAgent(), approval.getSessionId(), approval.getTaskId());
    writer.toolRun(origin, new ToolRun(call, new ToolOutcome(null, error, 0)));
    if (approval.getTaskId() != null) {
      events.append(
          approval.getTaskId(),
          approval.getAgent(),
          new TaskEvents.ToolEnd(approval.getToolCallId(), approval.getTool(), 0, error));
    }
  }

  /** The tenant of the approval's task, else of its session. */
  private String tenantOf(Approval approval) {
    if (approval.getTaskId() != null) {
      var task = em.find(org.agentry.task.entity.Task.class, approval.getTaskId());
      if (task != null) {
        return task.getTenant();
      }
    }
    var session =
        approval.getSessionId() == null
            ? null
            : em.find(org.agentry.session.entity.Session.class, approval.getSessionId());
    return session == null ? org.agentry.tenant.entity.Tenants.DEFAULT : session.getTenant();
  }
}
