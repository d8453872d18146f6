package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * The next fire times of a cron expression ({@code GET /api/v1/schedules/preview}); nothing is
 * stored.
 *
 * @param timeZone the IANA zone the times were computed in
 * @param next the next fire times, soonest first
 */
public record CronPreview(String cron, String timeZone, List<Instant> next) {}
