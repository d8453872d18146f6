/**
 * The HTTP side of workflows: {@code /api/v1/workflows} (definitions, with ETags) and {@code
 * /api/v1/workflow-runs} (runs, their nodes, cancel); 422 {@code WORKFLOW_INVALID} for a definition
 * that breaks a rule, with the JSON path of the bad node.
 */
package org.agentry.workflow.rest;
