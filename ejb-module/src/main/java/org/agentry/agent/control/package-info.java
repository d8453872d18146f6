/**
 * The agent loop's parts: turning stored messages into model messages and back, and what one run
 * produced.
 */
package org.agentry.agent.control;
