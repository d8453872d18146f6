package org.agentry.client.model;

import java.math.BigDecimal;

/**
 * Summed usage.
 *
 * @param requests model calls
 * @param costUsd USD
 * @param averageLatencyMs ms per model call
 */
public record UsageTotals(
    long requests,
    long promptTokens,
    long completionTokens,
    long totalTokens,
    BigDecimal costUsd,
    long averageLatencyMs) {}
