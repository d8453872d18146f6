/**
 * Goals: a goal text a planner agent decomposes into a DAG of steps, each run as a task. The
 * entities hold the goal's state and its steps; planning, scheduling and synthesis are the {@code
 * goal.control} package's.
 */
package org.agentry.goal.entity;
