package org.agentry.budget.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.agentry.audit.control.AuditLog;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.budget.entity.BudgetCounter;
import org.agentry.budget.entity.BudgetReservation;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tenant.entity.Tenants;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Budgets and their counters. Scopes: the agent's UTC day ({@code agent:<name>:day:<date>}) and UTC
 * month ({@code agent:<name>:month:<yyyy-mm>}) with the limits set by {@code PUT
 * /api/v1/agents/{name}/budget}, and the session ({@code session:<id>}) with {@code
 * agentry.budget.session-max-tokens}.
 */
@Stateless
public class Budgets {

  @Inject AuditLog audit;

  /**
   * One applicable budget: its counter's key, kind and limits, and what its usage records are: an
   * agent's over {@code [from, to)}, or a session's.
   */
  private record Scope(
      String key,
      String kind,
      Long tokens,
      BigDecimal usd,
      String tenant,
      String agent,
      String sessionId,
      Instant from,
      Instant to) {

    static Scope session(String sessionId, Long tokens) {
      return new Scope(
          "session:" + sessionId, "session", tokens, null, null, null, sessionId, null, null);
    }
  }

  /** Tokens (prompt plus completion) and USD used. */
  private record Used(long tokens, BigDecimal usd) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject CallerTenant tenant;

  @Inject
  @ConfigProperty(name = "agentry.budget.reservation-seconds", defaultValue = "900")
  long reservationSeconds;

  @Inject
  @ConfigProperty(name = "agentry.budget.session-max-tokens")
  Optional<Long> sessionMaxTokens;

  /** The limits of the caller's tenant's agent, if any were set. */
  public Optional<AgentBudget> limits(String agent) {
    return Optional.ofNullable(em.find(AgentBudget.class, new TenantKey(tenant.id(), agent)));
  }

  /** Sets the agent's limits (null limits nothing). */
  public AgentBudget setLimits(
      String agent,
      Long dailyTokens,
      BigDecimal dailyUsd,
      Long monthlyTokens,
      BigDecimal monthlyUsd) {
    audit.record("budget.set", "agent", agent);
    var budget = em.find(AgentBudget.class, new TenantKey(tenant.id(), agent));
    if (budget == null) {
      budget = new AgentBudget(tenant.id(), agent);
      em.persist(budget);
    }
    budget.limit(dailyTokens, dailyUsd, monthlyTokens, monthlyUsd, clock.instant());
    return budget;
  }

  /** The limits that apply to the agent's runs now; read once per run. */
  public BudgetLimits limitsFor(String tenant, String agent) {
    return limitsFor(tenant, agent, em.find(AgentBudget.class, new TenantKey(tenant, agent)));
  }

  /**
   * The limits that apply to the agent's runs, given its budget as the caller read it.
   *
   * @param budget the agent's budget, or null when it has none
   */
  public BudgetLimits limitsFor(String tenant, String agent, AgentBudget budget) {
    return BudgetLimits.of(tenant, agent, budget, sessionMaxTokens.orElse(null));
  }

  /**
   * Refuses new work for an agent whose daily or monthly budget is used up.
   *
   * @throws BudgetExhaustedException if it is
   */
  public void requireAvailable(String tenant, String agent) {
    requireAvailable(tenant, agent, em.find(AgentBudget.class, new TenantKey(tenant, agent)));
  }

  /**
   * Refuses new work for an agent whose daily or monthly budget is used up, given its budget as the
   * caller read it.
   *
   * @param budget the agent's budget, or null when it has none
   * @throws BudgetExhaustedException if it is
   */
  public void requireAvailable(String tenant, String agent, AgentBudget budget) {
    if (budget == null) {
      return;
    }
    for (var scope : scopes(BudgetLimits.of(tenant, agent, budget, null), null)) {
      var counter = em.find(BudgetCounter.class, scope.key());
      if (counter != null
          ? counter.exhausted(scope.tokens(), scope.usd())
          : exhausts(usedSoFar(scope), scope)) {
        throw new BudgetExhaustedException(
            agent, scope.kind().equals("agent-day") ? "daily" : "monthly");
      }
    }
  }

  /**
   * Reserves a call's worst case against every applicable budget, all or nothing.
   *
   * @param limits the run's limits, from {@link #limitsFor}
   * @param tokens the call's worst case in tokens
   * @param usd the call's worst case in USD
   * @return the reservation ({@link Reservation#NONE} when no limit applies), or empty when a
   *     budget would be passed
   */
  public Optional<Reservation> reserve(
      BudgetLimits limits, String sessionId, long tokens, BigDecimal usd) {
    var counters = new ArrayList<BudgetCounter>();
    for (var scope : scopes(limits, sessionId)) {
      var counter = counter(scope);
      if (!counter.fits(tokens, usd, scope.tokens(), scope.usd())) {
        return Optional.empty();
      }
      counters.add(counter);
    }
    if (counters.isEmpty()) {
      return Optional.of(Reservation.NONE);
    }
    var now = clock.instant();
    counters.forEach(c -> c.reserve(tokens, usd, now));
    var scopes = counters.stream().map(BudgetCounter::getScope).toList();
    var held = new BudgetReservation(scopes, tokens, usd, now.plusSeconds(reservationSeconds));
    em.persist(held);
    return Optional.of(new Reservation(held.getId(), scopes, tokens, usd));
  }

  /**
   * Settles a reservation to what the call used (zero for a failed call), in the caller's
   * transaction, so that the counters and the call's usage record commit together.
   */
  public void settle(Reservation reservation, long usedTokens, BigDecimal cost) {
    if (reservation == null || !reservation.holds()) {
      return;
    }
    var now = clock.instant();
    var held = em.find(BudgetReservation.class, reservation.id(), LockModeType.PESSIMISTIC_WRITE);
    for (var scope : reservation.scopes()) {
      var counter = em.find(BudgetCounter.class, scope, LockModeType.PESSIMISTIC_WRITE);
      if (counter == null) {
        continue; // made by the reservation; gone only if someone deleted it
      }
      if (held != null) {
        counter.settle(reservation.tokens(), reservation.usd(), usedTokens, cost, now);
      } else {
        counter.use(usedTokens, cost, now); // the sweeper released it already
      }
    }
    if (held != null) {
      em.remove(held);
    }
  }

  /**
   * Reservations that expired unsettled by this instant: their run's node died, or the run failed
   * between reserving and settling.
   */
  public List<String> expiredReservations(Instant asOf, int limit) {
    return em.createQuery(
            "SELECT r.id FROM BudgetReservation r WHERE r.expiresAt < :asOf", String.class)
        .setParameter("asOf", asOf)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Gives an expired reservation back to its counters, if it is still held.
   *
   * @return whether it was released here
   */
  public boolean release(String reservationId) {
    var held = em.find(BudgetReservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE);
    if (held == null) {
      return false;
    }
    var now = clock.instant();
    for (var scope : held.getScopes()) {
      var counter = em.find(BudgetCounter.class, scope, LockModeType.PESSIMISTIC_WRITE);
      if (counter != null) {
        counter.release(held.getTokens(), held.getUsd(), now);
      }
    }
    em.remove(held);
    return true;
  }

  /**
   * The session's budget ({@code agentry.budget.session-max-tokens}) with what it used and holds
   * reserved, or empty when sessions have no budget.
   */
  public Optional<BudgetView> sessionBudget(String sessionId) {
    return sessionMaxTokens.map(tokens -> view(Scope.session(sessionId, tokens)));
  }

  /**
   * Every agent budget of the caller's tenant of the current day and month, and its session
   * budgets, hottest first.
   */
  public List<BudgetView> list() {
    var views = new ArrayList<BudgetView>();
    for (var budget :
        em.createQuery("SELECT b FROM AgentBudget b WHERE b.tenant = :tenant", AgentBudget.class)
            .setParameter("tenant", tenant.id())
            .getResultList()) {
      for (var scope :
          scopes(BudgetLimits.of(budget.getTenant(), budget.getAgent(), budget, null), null)) {
        views.add(view(scope));
      }
    }
    if (sessionMaxTokens.isPresent()) {
      em.createQuery(
              "SELECT c FROM BudgetCounter c, Session s WHERE c.scope = CONCAT('session:', s.id)"
                  + " AND s.tenant = :tenant",
              BudgetCounter.class)
          .setParameter("tenant", tenant.id())
          .setMaxResults(500)
          .getResultList()
          .forEach(
              c ->
                  views.add(
                      view(
                          Scope.session(
                              c.getScope().substring("session:".length()),
                              sessionMaxTokens.get()))));
    }
    views.sort(Comparator.comparingDouble(BudgetView::percent).reversed());
    return views;
  }

  private BudgetView view(Scope scope) {
    var counter = em.find(BudgetCounter.class, scope.key());
    var soFar = counter == null ? usedSoFar(scope) : null;
    var used = counter == null ? soFar.tokens() : counter.getUsedTokens();
    var usedUsd = counter == null ? soFar.usd() : counter.getUsedUsd();
    var reserved = counter == null ? 0 : counter.getReservedTokens();
    var reservedUsd = counter == null ? BigDecimal.ZERO : counter.getReservedUsd();
    return BudgetView.of(
        scope.key(),
        scope.kind(),
        scope.tokens(),
        scope.usd(),
        used,
        usedUsd,
        reserved,
        reservedUsd);
  }

  private List<Scope> scopes(BudgetLimits limits, String sessionId) {
    var scopes = new ArrayList<Scope>();
    var agent = limits.agent();
    var prefix = Tenants.DEFAULT.equals(limits.tenant()) ? "" : "tenant:" + limits.tenant() + ":";
    var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (limits.hasDaily()) {
      scopes.add(
          new Scope(
              prefix + "agent:" + agent + ":day:" + today,
              "agent-day",
              limits.dailyTokens(),
              limits.dailyUsd(),
              limits.tenant(),
              agent,
              null,
              today.atStartOfDay(ZoneOffset.UTC).toInstant(),
              today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (limits.hasMonthly()) {
      var month = YearMonth.from(today);
      scopes.add(
          new Scope(
              prefix + "agent:" + agent + ":month:" + month,
              "agent-month",
              limits.monthlyTokens(),
              limits.monthlyUsd(),
              limits.tenant(),
              agent,
              null,
              month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
              month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (sessionId != null && limits.sessionMaxTokens() != null) {
      scopes.add(Scope.session(sessionId, limits.sessionMaxTokens()));
    }
    return scopes;
  }

  /**
   * What the scope's period used so far, summed from its usage records: a budget counts the whole
   * period, whenever it was set.
   */
  private Used usedSoFar(Scope scope) {
    var select =
        "SELECT COALESCE(SUM(u.promptTokens + u.completionTokens), 0), COALESCE(SUM(u.costUsd), 0)"
            + " FROM UsageRecord u WHERE ";
    var query =
        scope.sessionId() != null
            ? em.createQuery(select + "u.sessionId = :session", Object[].class)
                .setParameter("session", scope.sessionId())
            : em.createQuery(
                    select
                        + "u.tenant = :tenant AND u.agent = :agent AND u.createdAt >= :from"
                        + " AND u.createdAt < :to",
                    Object[].class)
                .setParameter("tenant", scope.tenant())
                .setParameter("agent", scope.agent())
                .setParameter("from", scope.from())
                .setParameter("to", scope.to());
    var row = query.getSingleResult();
    return new Used(((Number) row[0]).longValue(), new BigDecimal(row[1].toString()));
  }

  private static boolean exhausts(Used used, Scope scope) {
    return (scope.tokens() != null && used.tokens() >= scope.tokens())
        || (scope.usd() != null && used.usd().compareTo(scope.usd()) >= 0);
  }

  /**
   * The scope's counter, locked; made on first use with what the period used so far. Two first uses
   * at once both insert; the database keeps one row ({@code ON CONFLICT DO NOTHING}, on PostgreSQL
   * and H2 alike) and both then lock it.
   */
  private BudgetCounter counter(Scope scope) {
    var counter = em.find(BudgetCounter.class, scope.key(), LockModeType.PESSIMISTIC_WRITE);
    if (counter != null) {
      return counter;
    }
    var used = usedSoFar(scope);
    em.createNativeQuery(
            "INSERT INTO budget_counter (scope, used_tokens, used_usd, reserved_tokens,"
                + " reserved_usd, updated_at, version) VALUES (?, ?, ?, 0, 0, ?, 1)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, scope.key())
        .setParameter(2, used.tokens())
        .setParameter(3, used.usd())
        .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC))
        .executeUpdate();
    return em.find(BudgetCounter.class, scope.key(), LockModeType.PESSIMISTIC_WRITE);
  }
}
