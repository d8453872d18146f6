/**
 * Schedules: a task template an agent is handed on a rhythm (an interval or a cron expression), and
 * the runs each slot of that rhythm left behind — a task fired, a slot skipped, or a refusal. When
 * slots come due is computed elsewhere ({@code org.agentry.schedule.control.Recurrence}); these
 * classes only hold and check the state.
 */
package org.agentry.schedule.entity;
