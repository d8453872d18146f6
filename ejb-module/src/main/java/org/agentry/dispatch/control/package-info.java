/**
 * Task execution on this node: the runner and its registry of runs with their leases, the recorder
 * that writes a task run's steps, the start and outcome of a run, sending after commit, and the
 * cached dispatch switch.
 */
package org.agentry.dispatch.control;
