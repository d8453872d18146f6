/**
 * {@code /api/v1/schedules}: recurring schedules, their runs, pause, resume and run-now. Timing
 * that makes no rhythm gets 422 {@code INVALID_SCHEDULE}; the rest of a bad body gets 400.
 */
package org.agentry.schedule.rest;
