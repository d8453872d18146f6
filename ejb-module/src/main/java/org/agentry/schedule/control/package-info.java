/**
 * The work behind schedules: when slots come due ({@link org.agentry.schedule.control.Recurrence},
 * pure and clock-driven so it can be tested without a container), how due rows are locked on each
 * database, and how a refused task is told apart from a failure of the node.
 */
package org.agentry.schedule.control;
