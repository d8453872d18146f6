/**
 * {@code /api/v1/agents}: agent definitions with ETags and {@code If-Match}, pausing, agent
 * packages (reload, export) and chat.
 */
package org.agentry.agent.rest;
