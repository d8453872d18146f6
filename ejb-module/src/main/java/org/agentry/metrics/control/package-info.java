/**
 * Prometheus metrics of this node: the registry and its instruments, fed by the run path (model and
 * tool calls, task ends, schedule fires) and by gauges read at each scrape. Serving them over HTTP
 * is the web module's.
 */
package org.agentry.metrics.control;
