/** Database reads for the metrics: task counts by status, queue depth, running tasks per node. */
package org.agentry.metrics.boundary;
