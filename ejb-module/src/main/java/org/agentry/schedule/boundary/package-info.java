/**
 * Recurring schedules: defining, pausing, resuming and deleting them ({@link
 * org.agentry.schedule.boundary.Schedules}); the clock, a non-persistent EJB timer ticking every
 * second on every node ({@link org.agentry.schedule.boundary.ScheduleClock}); and firing due slots,
 * each schedule in its own short transaction under a row lock ({@link
 * org.agentry.schedule.boundary.ScheduleSlots}).
 *
 * <p>Schedules live in the database with their next slot; persistent EJB timers are not used. A
 * task a slot creates is sent to the task queue only after its transaction committed. Not here:
 * running the tasks, which is the {@code task} feature's.
 */
package org.agentry.schedule.boundary;
