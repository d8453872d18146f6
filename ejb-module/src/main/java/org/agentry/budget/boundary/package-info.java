/**
 * Hard budgets, enforced before money is spent: each model call first reserves its worst case
 * (prompt estimate plus maximum output tokens, and its cost at the provider's prices) against every
 * budget that applies — the agent's day and month, the session's — in one transaction, and settles
 * to the actual usage after. A call that would pass a budget is not made.
 */
package org.agentry.budget.boundary;
