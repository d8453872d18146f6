/**
 * {@code /api/v1/organism}: the server as a whole — state and counts (viewer), effective settings
 * without secrets, reload and this node's graceful drain (admin).
 */
package org.agentry.organism.rest;
