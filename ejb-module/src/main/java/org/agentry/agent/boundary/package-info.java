/**
 * Agents: their definitions (created over the API or loaded from agent packages on disk) and
 * pausing. Running them is the {@code run} and {@code dispatch} features'.
 */
package org.agentry.agent.boundary;
