/**
 * Background tasks: submitting, reading, cancelling, answering and deleting them; dispatching them
 * through the JMS task queue in priority order; claiming them with leases; and the sweeper that
 * re-queues what a dead node left behind.
 *
 * <p>The database is the source of truth; a JMS message carries only a task id and is a hint that a
 * task may be runnable. A message whose claim fails is dropped.
 */
package org.agentry.task.boundary;
