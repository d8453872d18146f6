package org.agentry.client.model;

import java.util.List;

/** Usage of one agent, model, session, thread or task: totals and a breakdown by UTC day. */
public record ScopedUsage(UsageTotals totals, List<UsageReport.Group> byDay) {}
