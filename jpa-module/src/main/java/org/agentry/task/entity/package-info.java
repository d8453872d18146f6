/**
 * Tasks: work handed to an agent that runs in the background in priority order, with its lease,
 * attempts, outcome and usage totals, and the events every transition and step appends.
 */
package org.agentry.task.entity;
