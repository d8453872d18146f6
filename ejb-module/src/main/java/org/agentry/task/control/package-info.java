/** Task execution on this node: the runner, its local registry of running tasks, events. */
package org.agentry.task.control;
