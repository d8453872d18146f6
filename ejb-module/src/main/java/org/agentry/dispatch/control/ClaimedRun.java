package org.agentry.dispatch.control;

import org.agentry.budget.boundary.BudgetLimits;
import org.agentry.run.control.RunContext;

/**
 * A task this node claimed, with everything its run needs, read in the claim's transaction.
 *
 * @param limits the agent's budget limits, read once for the run
 * @param lastMessageId the session's last message id when the run starts
 * @param attempt the task's attempt this run is (1 for the first)
 * @param traceParent the W3C {@code traceparent} of the request that submitted the task, or null
 */
public record ClaimedRun(
    Lease lease,
    RunContext context,
    BudgetLimits limits,
    long lastMessageId,
    int attempt,
    String traceParent) {}
