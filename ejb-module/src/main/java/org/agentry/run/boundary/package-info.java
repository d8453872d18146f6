/**
 * Chat: one turn of the agent loop in a session, each step written in its own short transaction.
 * Background runs of the loop belong to {@code dispatch}.
 */
package org.agentry.run.boundary;
