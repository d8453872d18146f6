package org.agentry.budget.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.budget.entity.BudgetCounter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Budgets and their counters. Scopes: the agent's UTC day ({@code agent:<name>:day:<date>}) and UTC
 * month ({@code agent:<name>:month:<yyyy-mm>}) with the limits set by {@code PUT
 * /api/v1/agents/{name}/budget}, and the session ({@code session:<id>}) with {@code
 * agentry.budget.session-max-tokens}.
 */
@Stateless
public class Budgets {

  /** One applicable budget: its scope, kind and limits. */
  private record Scope(String key, String kind, Long tokens, BigDecimal usd) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.budget.session-max-tokens")
  Optional<Long> sessionMaxTokens;

  /** The agent's limits, if any were set. */
  public Optional<AgentBudget> limits(String agent) {
    return Optional.ofNullable(em.find(AgentBudget.class, agent));
  }

  /** Sets the agent's limits (null limits nothing). */
  public AgentBudget setLimits(
      String agent,
      Long dailyTokens,
      BigDecimal dailyUsd,
      Long monthlyTokens,
      BigDecimal monthlyUsd) {
    var budget = em.find(AgentBudget.class, agent);
    if (budget == null) {
      budget = new AgentBudget(agent);
      em.persist(budget);
    }
    budget.limit(dailyTokens, dailyUsd, monthlyTokens, monthlyUsd, clock.instant());
    return budget;
  }

  /** The limits that apply to the agent's runs now; read once per run. */
  public BudgetLimits limitsFor(String agent) {
    return limitsFor(agent, em.find(AgentBudget.class, agent));
  }

  /**
   * The limits that apply to the agent's runs, given its budget as the caller read it.
   *
   * @param budget the agent's budget, or null when it has none
   */
  public BudgetLimits limitsFor(String agent, AgentBudget budget) {
    return BudgetLimits.of(agent, budget, sessionMaxTokens.orElse(null));
  }

  /**
   * Refuses new work for an agent whose daily or monthly budget is used up.
   *
   * @throws BudgetExhaustedException if it is
   */
  public void requireAvailable(String agent) {
    requireAvailable(agent, em.find(AgentBudget.class, agent));
  }

  /**
   * Refuses new work for an agent whose daily or monthly budget is used up, given its budget as the
   * caller read it.
   *
   * @param budget the agent's budget, or null when it has none
   * @throws BudgetExhaustedException if it is
   */
  public void requireAvailable(String agent, AgentBudget budget) {
    if (budget == null) {
      return;
    }
    for (var scope : scopes(BudgetLimits.of(agent, budget, null), null)) {
      var counter = em.find(BudgetCounter.class, scope.key());
      if (counter != null && counter.exhausted(scope.tokens(), scope.usd())) {
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
      var counter = counter(scope.key());
      if (!counter.fits(tokens, usd, scope.tokens(), scope.usd())) {
        return Optional.empty();
      }
      counters.add(counter);
    }
    var now = clock.instant();
    counters.forEach(c -> c.reserve(tokens, usd, now));
    return Optional.of(
        new Reservation(counters.stream().map(BudgetCounter::getScope).toList(), tokens, usd));
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
    for (var scope : reservation.scopes()) {
      counter(scope).settle(reservation.tokens(), reservation.usd(), usedTokens, cost, now);
    }
  }

  /** Every agent budget of the current day and month, and session budgets, hottest first. */
  public List<BudgetView> list() {
    var views = new ArrayList<BudgetView>();
    for (var budget :
        em.createQuery("SELECT b FROM AgentBudget b", AgentBudget.class).getResultList()) {
      for (var scope : scopes(BudgetLimits.of(budget.getAgent(), budget, null), null)) {
        views.add(view(scope));
      }
    }
    if (sessionMaxTokens.isPresent()) {
      em.createQuery(
              "SELECT c FROM BudgetCounter c WHERE c.scope LIKE 'session:%'", BudgetCounter.class)
          .setMaxResults(500)
          .getResultList()
          .forEach(
              c ->
                  views.add(
                      view(new Scope(c.getScope(), "session", sessionMaxTokens.get(), null))));
    }
    views.sort(Comparator.comparingDouble(BudgetView::percent).reversed());
    return views;
  }

  private BudgetView view(Scope scope) {
    var counter = em.find(BudgetCounter.class, scope.key());
    var used = counter == null ? 0 : counter.getUsedTokens();
    var usedUsd = counter == null ? BigDecimal.ZERO : counter.getUsedUsd();
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
    var today = LocalDate.now(ZoneOffset.UTC);
    if (limits.hasDaily()) {
      scopes.add(
          new Scope(
              "agent:" + agent + ":day:" + today,
              "agent-day",
              limits.dailyTokens(),
              limits.dailyUsd()));
    }
    if (limits.hasMonthly()) {
      scopes.add(
          new Scope(
              "agent:" + agent + ":month:" + YearMonth.from(today),
              "agent-month",
              limits.monthlyTokens(),
              limits.monthlyUsd()));
    }
    if (sessionId != null && limits.sessionMaxTokens() != null) {
      scopes.add(new Scope("session:" + sessionId, "session", limits.sessionMaxTokens(), null));
    }
    return scopes;
  }

  private BudgetCounter counter(String scope) {
    var counter = em.find(BudgetCounter.class, scope, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      counter = new BudgetCounter(scope, clock.instant());
      em.persist(counter);
      em.flush();
    }
    return counter;
  }
}
