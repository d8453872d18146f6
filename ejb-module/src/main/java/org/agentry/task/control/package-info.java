/** Task events as typed records, and the event that sends a runnable task after commit. */
package org.agentry.task.control;
