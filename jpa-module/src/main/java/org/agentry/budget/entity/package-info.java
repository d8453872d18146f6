/**
 * Budgets: an agent's daily and monthly limits in tokens and USD, and the counters that hold what
 * each budget scope has used and has reserved for calls in flight.
 */
package org.agentry.budget.entity;
