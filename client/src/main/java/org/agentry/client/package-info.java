/**
 * A typed Java client of Agentry's REST API on the Jakarta REST client API (Jersey at run time,
 * JSON-B through Yasson): {@link org.agentry.client.AgentryClient} and its parts per feature, typed
 * exceptions for RFC 9457 problems, a cursor paging helper and a server-sent-events reader for task
 * events. It depends on no server module; the black-box tests use it, so it cannot drift from the
 * server.
 */
package org.agentry.client;
