/** Agent packages: reading and writing an agent as {@code AGENT.md} plus {@code agent.json}. */
package org.agentry.agent.control;
