/** Usage: one record per model call, with tokens, cost and latency, for metering and chargeback. */
package org.agentry.usage.entity;
