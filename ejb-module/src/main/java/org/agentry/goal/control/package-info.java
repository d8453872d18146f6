/**
 * Goals on the task machinery: the planner's plan parsed and checked ({@link
 * org.agentry.goal.control.GoalPlan}), steps started as tasks as their dependencies complete, the
 * synthesis, repairs of invalid plans and re-plans after a failed step ({@link
 * org.agentry.goal.control.GoalRuns}, advanced by each task's end). Not the HTTP side, and not
 * workflow definitions.
 */
package org.agentry.goal.control;
