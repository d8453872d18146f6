package org.agentry.task.boundary;

import org.agentry.session.boundary.TurnStart;

/**
 * What a task run starts from.
 *
 * @param turn the session's state, with the task's limits applied to the agent's
 * @param newInput the task's input when this run delivered it to the session, else null (an earlier
 *     attempt did, or the run resumes after an answer)
 */
public record TaskStart(TurnStart turn, String newInput) {}
