/**
 * Work of several agents built on tasks: delegation (an agent calling other agents as tools, each
 * call a child task the parent waits for).
 */
package org.agentry.workflow.control;
