/**
 * Where capabilities come from: one {@link org.agentry.capability.control.CapabilitySource} per
 * kind (built-in tools, agents). Skills and MCP tools do not exist yet; each will be another
 * source, found by CDI without a change here.
 */
package org.agentry.capability.control;
