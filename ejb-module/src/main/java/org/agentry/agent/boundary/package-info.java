/**
 * Agents: their definitions (created over the API or loaded from agent packages on disk), pausing,
 * and the agent loop that runs a conversation turn: model call, tool calls, repeat, until a final
 * answer or a limit.
 */
package org.agentry.agent.boundary;
