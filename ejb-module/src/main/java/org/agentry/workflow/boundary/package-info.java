/**
 * Workflow definitions (create, read, replace with optimistic locking, delete) and their runs
 * (start, read with every node's state, list, cancel). Transactions start here.
 */
package org.agentry.workflow.boundary;
