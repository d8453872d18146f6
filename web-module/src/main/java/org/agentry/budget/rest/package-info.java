/**
 * {@code /api/v1/agents/{name}/budget}: an agent's daily and monthly limits; and the 429 {@code
 * BUDGET_EXHAUSTED} answer to work for an agent whose budget is used up.
 */
package org.agentry.budget.rest;
