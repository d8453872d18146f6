/** Serves this node's Prometheus metrics at {@code /metrics} to callers with a token. */
package org.agentry.metrics.http;
