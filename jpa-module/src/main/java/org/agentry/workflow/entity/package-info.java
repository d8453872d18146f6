/**
 * Workflow definitions (named, versioned JSON) and their durable runs: a run's snapshot of the
 * definition, its status and output, and one row per node it reached. The rows are the run's whole
 * progress; nothing of it lives in memory.
 */
package org.agentry.workflow.entity;
