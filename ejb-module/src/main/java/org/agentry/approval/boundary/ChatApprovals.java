package org.agentry.approval.boundary;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.approval.entity.Approval;
import org.agentry.run.boundary.ChatTurns;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.session.entity.Session;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tenant.entity.Tenants;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.control.Workspaces;
import org.agentry.tool.entity.ToolCallOrigin;

/**
 * Runs a chat's approved tool call, in the request that approved it (a chat has no task to resume):
 * the tool runs outside any transaction, within the tool limits, and its result is stored in the
 * session, where the model reads it on the session's next turn. A result stored after a later user
 * message of the session is not shown to the model (see {@code Transcript}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatApprovals {

  @PersistenceContext EntityManager em;

  @Inject ToolInvoker tools;
  @Inject Workspaces workspaces;
  @Inject ChatTurns turns;

  /**
   * Runs the approved call of a chat approval and stores its result.
   *
   * @param approval an approved approval without a task
   * @return how the call ended; an error when the agent is gone or disabled
   */
  public ToolOutcome run(Approval approval) {
    var call =
        ToolExecutionRequest.builder()
            .id(approval.getToolCallId())
            .name(approval.getTool())
            .arguments(approval.getArguments())
            .build();
    var session = em.find(Session.class, approval.getSessionId());
    var tenant = session == null ? Tenants.DEFAULT : session.getTenant();
    var agent = em.find(Agent.class, new TenantKey(tenant, approval.getAgent()));
    ToolOutcome outcome;
    if (agent == null || !agent.acceptsWork()) {
      outcome = new ToolOutcome(null, "not run: the agent is gone or takes no work", 0);
    } else {
      var spec = agent.spec();
      var context =
          new ToolContext(
              approval.getAgent(),
              approval.getSessionId(),
              null,
              workspaces.of(tenant, approval.getAgent()),
              spec,
              tenant);
      outcome =
          tools.invoke(context, call, ToolInvoker.offeredTo(spec), tools.limits().callTimeout());
    }
    var origin = new ToolCallOrigin(tenant, approval.getAgent(), approval.getSessionId(), null);
    turns.recordToolRuns(origin, List.of(new ToolRun(call, outcome)));
    return outcome;
  }
}
