package org.agentry.thread.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.agentry.budget.boundary.BudgetView;
import org.agentry.session.boundary.Sessions;
import org.agentry.session.entity.Session;

/**
 * A thread: a session as xml-pipeline names it. The detail view adds participants, message count,
 * usage and budget; the answer to a kill adds the tasks it stopped.
 *
 * @param agent the agent whose thread it is (the one that answers in it)
 * @param status {@code active} or {@code killed}
 * @param turns finished turns (runs of the agent on the thread)
 * @param participants in the detail view: the thread's agent first, then every agent that sent a
 *     message into it, by name
 * @param messageCount in the detail view: messages of every role
 * @param usage in the detail view: totals over the thread's model calls, cost in USD
 * @param budget in the detail view: the session budget ({@code agentry.budget.session-max-tokens})
 *     with used, reserved and remaining tokens; absent when sessions have none
 * @param cancelledTasks in the answer to a kill: the tasks it cancelled or asked to stop
 */
public record ThreadResponse(
    String id,
    String agent,
    String status,
    int turns,
    Instant createdAt,
    Instant updatedAt,
    List<String> participants,
    Long messageCount,
    Usage usage,
    BudgetView budget,
    List<String> cancelledTasks) {

  /** Totals over the thread's model calls: tokens, cost in USD, call count. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {}

  static ThreadResponse summary(Session thread) {
    return new ThreadResponse(
        thread.getId(),
        thread.getAgentName(),
        thread.getStatus().name().toLowerCase(Locale.ROOT),
        thread.getTurns(),
        thread.getCreatedAt(),
        thread.getUpdatedAt(),
        null,
        null,
        null,
        null,
        null);
  }

  static ThreadResponse detail(
      Session thread,
      List<String> senders,
      long messageCount,
      Sessions.UsageTotals usage,
      BudgetView budget) {
    var participants = new ArrayList<String>();
    participants.add(thread.getAgentName());
    senders.stream().filter(s -> !s.equals(thread.getAgentName())).forEach(participants::add);
    var base = summary(thread);
    return new ThreadResponse(
        base.id(),
        base.agent(),
        base.status(),
        base.turns(),
        base.createdAt(),
        base.updatedAt(),
        List.copyOf(participants),
        messageCount,
        new Usage(usage.promptTokens(), usage.completionTokens(), usage.costUsd(), usage.calls()),
        budget,
        null);
  }

  static ThreadResponse killed(Session thread, List<String> cancelled) {
    var base = summary(thread);
    return new ThreadResponse(
        base.id(),
        base.agent(),
        base.status(),
        base.turns(),
        base.createdAt(),
        base.updatedAt(),
        null,
        null,
        null,
        null,
        cancelled);
  }
}
