/**
 * One annotated Jakarta REST interface per resource of Agentry's API under {@code /api/v1}, each
 * method one route (HTTP method, path template, media types, parameters). {@link
 * org.agentry.client.AgentryClient#api} implements them with Jersey's proxy client and the client's
 * error contract. A build test (server-config's {@code ClientRoutesTest}) fails when the server has
 * a route no method here names, or the other way round. Paths are relative to {@code <base>/api}.
 */
package org.agentry.client.api;
