/**
 * Running tasks: the JMS task queue and its consumer, the claim that starts a run, the fenced
 * writes of each step and outcome, lease renewal and expiry, the sweeper, the dispatch switch.
 *
 * <p>The database is the source of truth; a JMS message carries only a task id and is a hint that a
 * task may be runnable. A message whose claim fails is dropped.
 */
package org.agentry.dispatch.boundary;
