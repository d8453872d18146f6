/**
 * Work of several agents built on tasks: delegation (an agent calling other agents as tools, each
 * call a child task the parent waits for) and workflow runs (a definition's nodes, each agent step
 * a task the run waits for, the run advanced in the transaction that ended the step's task).
 */
package org.agentry.workflow.control;
