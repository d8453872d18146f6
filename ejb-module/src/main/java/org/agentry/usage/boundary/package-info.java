/**
 * Usage reports over the usage records of model calls: totals, breakdowns by agent, model and day,
 * the per-call CSV export for chargeback, and the admin reset that archives records.
 */
package org.agentry.usage.boundary;
