/**
 * The platform every feature stands on: the application's datasource and JMS connection factory,
 * schema migrations at startup, and what {@code GET /api/v1/info} reports.
 *
 * <p>It holds no feature logic of its own.
 */
package org.agentry.platform.boundary;
