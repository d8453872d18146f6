/**
 * Platform controls: the data directory and owner-only files in it, the JDBC URL routing
 * datasource, sending to JMS queues, the readiness and liveness checks (MicroProfile Health) of the
 * database and the broker, and the {@link org.agentry.platform.control.Watchdog} that puts hard
 * deadlines on model and tool calls.
 */
package org.agentry.platform.control;
