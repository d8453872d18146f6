package org.agentry.usage.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agentry.audit.control.AuditLog;
import org.agentry.usage.entity.UsageRecord;

/**
 * Usage reports. Every figure is summed from the usage records, one per model call, so totals are
 * exactly what the providers reported; days are UTC days.
 */
@Stateless
public class UsageReports {

  @Inject AuditLog audit;

  /**
   * Which records count; null members do not filter.
   *
   * @param from inclusive
   * @param to exclusive
   */
  public record Filter(
      Instant from, Instant to, String agent, String model, String sessionId, String taskId) {

    /** No filter: every record. */
    public static Filter all() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  /**
   * Totals of one group.
   *
   * @param key the agent, the model or the UTC day ({@code 2026-01-31})
   * @param provider for a model group, its provider; else null
   */
  public record Group(String key, String provider, UsageTotals totals) {}

  /** A report: totals and breakdowns by agent, by model and by day (most expensive first). */
  public record Report(
      UsageTotals totals, List<Group> byAgent, List<Group> byModel, List<Group> byDay) {}

  private static final String SUMS =
      "COUNT(u), SUM(u.promptTokens), SUM(u.completionTokens), SUM(u.costUsd), SUM(u.latencyMs)";

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject org.agentry.tenant.control.CallerTenant tenant;

  /** The full report for the filter. */
  public Report report(Filter filter) {
    var byAgent = new ArrayList<Group>();
    for (var row : rows("SELECT u.agent, " + SUMS, " GROUP BY u.agent", filter)) {
      byAgent.add(new Group((String) row[0], null, UsageTotals.of(row, 1)));
    }
    var byModel = new ArrayList<Group>();
    for (var row :
        rows("SELECT u.provider, u.model, " + SUMS, " GROUP BY u.provider, u.model", filter)) {
      byModel.add(new Group((String) row[1], (String) row[0], UsageTotals.of(row, 2)));
    }
    byAgent.sort((a, b) -> b.totals().costUsd().compareTo(a.totals().costUsd()));
    byModel.sort((a, b) -> b.totals().costUsd().compareTo(a.totals().costUsd()));
    return new Report(totals(filter), byAgent, byModel, byDay(filter));
  }

  /** The totals for the filter. */
  public UsageTotals totals(Filter filter) {
    return UsageTotals.of(rows("SELECT " + SUMS, "", filter).get(0), 0);
  }

  /** A record's UTC day, computed by the database (PostgreSQL and H2 alike). */
  private static final String UTC_DAY = "SQL('CAST(? AT TIME ZONE ''UTC'' AS DATE)', u.createdAt)";

  /** Totals per UTC day, oldest first, summed by the database. */
  public List<Group> byDay(Filter filter) {
    var groups = new ArrayList<Group>();
    var select = "SELECT " + UTC_DAY + ", " + SUMS;
    for (var row : rows(select, " GROUP BY " + UTC_DAY + " ORDER BY " + UTC_DAY, filter)) {
      groups.add(new Group(day(row[0]).toString(), null, UsageTotals.of(row, 1)));
    }
    return groups;
  }

  private static LocalDate day(Object value) {
    return value instanceof java.sql.Date date
        ? date.toLocalDate()
        : LocalDate.parse(value.toString());
  }

  /**
   * The usage of one thread (session).
   *
   * @param threadId the session's id; its usage stays when the session is deleted
   * @param agent the agent whose model calls these are
   */
  public record ThreadUsage(String threadId, String agent, UsageTotals totals) {}

  /** A page of thread usages and how many threads have usage at all. */
  public record ThreadUsagePage(List<ThreadUsage> items, long total) {}

  /**
   * Usage per thread, hottest first: by cost in USD, then by total tokens, then by id; summed and
   * ordered by the database.
   *
   * @param offset how many threads to skip
   * @param limit most to return
   */
  public ThreadUsagePage byThread(int offset, int limit) {
    var rows =
        em.createQuery(
                "SELECT u.sessionId, u.agent, "
                    + SUMS
                    + ", SUM(u.costUsd) AS cost, SUM(u.promptTokens + u.completionTokens) AS tokens"
                    + " FROM UsageRecord u WHERE u.tenant = :tenant AND u.sessionId IS NOT NULL"
                    + " GROUP BY u.sessionId, u.agent ORDER BY cost DESC, tokens DESC, u.sessionId",
                Object[].class)
            .setParameter("tenant", tenant.id())
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    var items =
        rows.stream()
            .map(r -> new ThreadUsage((String) r[0], (String) r[1], UsageTotals.of(r, 2)))
            .toList();
    long total =
        em.createQuery(
                "SELECT COUNT(DISTINCT u.sessionId) FROM UsageRecord u"
                    + " WHERE u.tenant = :tenant AND u.sessionId IS NOT NULL",
                Long.class)
            .setParameter("tenant", tenant.id())
            .getSingleResult();
    return new ThreadUsagePage(items, total);
  }

  /**
   * One page of records for the export, oldest first, after the record {@code (afterCreatedAt,
   * afterId)} or from the start.
   */
  public List<UsageRecord> page(Filter filter, Instant afterCreatedAt, String afterId, int limit) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    conditions(filter, where, params);
    if (afterCreatedAt != null) {
      where.add("(u.createdAt > :aAt OR (u.createdAt = :aAt AND u.id > :aId))");
      params.put("aAt", afterCreatedAt);
      params.put("aId", afterId);
    }
    var jpql =
        "SELECT u FROM UsageRecord u"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY u.createdAt, u.id";
    TypedQuery<UsageRecord> query = em.createQuery(jpql, UsageRecord.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Totals per tenant over every tenant (a platform admin's chargeback), most expensive first; the
   * filter's other conditions apply.
   */
  public List<Group> byTenant(Filter f) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    add(where, params, f.from(), "u.createdAt >= :from", "from");
    add(where, params, f.to(), "u.createdAt < :to", "to");
    add(where, params, f.model(), "u.model = :model", "model");
    var query =
        em.createQuery(
            "SELECT u.tenant, "
                + SUMS
                + " FROM UsageRecord u"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " GROUP BY u.tenant ORDER BY SUM(u.costUsd) DESC, u.tenant",
            Object[].class);
    params.forEach(query::setParameter);
    return query.getResultList().stream()
        .map(r -> new Group((String) r[0], null, UsageTotals.of(r, 1)))
        .toList();
  }

  /**
   * Moves every usage record of the caller's tenant to the archive ({@code usage_archive}), in one
   * transaction.
   *
   * @return how many records were archived
   */
  public int reset() {
    audit.record("usage.reset", "usage", null);
    var now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    em.createNativeQuery(
            "INSERT INTO usage_archive (id, provider_name, model, agent_name, session_id, task_id,"
                + " prompt_tokens, completion_tokens, cost_usd, latency_ms, created_at, archived_at,"
                + " tenant)"
                + " SELECT id, provider_name, model, agent_name, session_id, task_id, prompt_tokens,"
                + " completion_tokens, cost_usd, latency_ms, created_at, ?, tenant FROM usage_record"
                + " WHERE tenant = ?")
        .setParameter(1, now)
        .setParameter(2, tenant.id())
        .executeUpdate();
    return em.createNativeQuery("DELETE FROM usage_record WHERE tenant = ?")
        .setParameter(1, tenant.id())
        .executeUpdate();
  }

  private List<Object[]> rows(String select, String groupBy, Filter filter) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    conditions(filter, where, params);
    var jpql =
        select
            + " FROM UsageRecord u"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + groupBy;
    var query = em.createQuery(jpql, Object[].class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private void conditions(Filter f, List<String> where, Map<String, Object> params) {
    add(where, params, tenant.id(), "u.tenant = :tenant", "tenant");
    add(where, params, f.from(), "u.createdAt >= :from", "from");
    add(where, params, f.to(), "u.createdAt < :to", "to");
    add(where, params, f.agent(), "u.agent = :agent", "agent");
    add(where, params, f.model(), "u.model = :model", "model");
    add(where, params, f.sessionId(), "u.sessionId = :session", "session");
    add(where, params, f.taskId(), "u.taskId = :task", "task");
  }

  private static void add(
      List<String> where, Map<String, Object> params, Object value, String clause, String name) {
    if (value != null) {
      where.add(clause);
      params.put(name, value);
    }
  }
}
