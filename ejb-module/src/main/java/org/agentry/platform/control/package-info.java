/**
 * Platform controls: the data directory and owner-only files in it, the JDBC URL routing
 * datasource, sending to JMS queues, and the readiness and liveness checks (MicroProfile Health) of
 * the database and the broker.
 */
package org.agentry.platform.control;
