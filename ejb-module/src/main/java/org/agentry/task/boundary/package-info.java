/**
 * Background tasks as their owners see them: submitting, reading, cancelling, answering and
 * deleting them. Running them is the {@code dispatch} feature's; a task made runnable here reaches
 * the queue after its transaction commits.
 */
package org.agentry.task.boundary;
