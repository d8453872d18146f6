/** {@code /api/v1/goals}: submit goals, read their plan, steps and usage, cancel, follow events. */
package org.agentry.goal.rest;
