/**
 * Agents: a system prompt, a provider and model, the tools the model may call, and the limits of
 * one run. An agent can be paused (it accepts no new work) or disabled.
 */
package org.agentry.agent.entity;
