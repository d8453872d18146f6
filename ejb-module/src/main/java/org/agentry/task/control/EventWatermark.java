package org.agentry.task.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.agentry.task.entity.TaskEvent;

/**
 * Decides which stored task events may be sent, so that a stream sends every event exactly once and
 * in id order although ids are taken from the sequence at insert and become visible only at commit,
 * in another order.
 *
 * <p>The watermark ({@link #floor()}) is the id up to which every event was released or is known
 * never to come. A scan reads the events above it in id order; an id missing below a seen one is a
 * gap: its transaction has taken the id but not committed yet, or rolled back. Events above the
 * lowest open gap are held back. A gap closes when its event arrives, or is given up when it can no
 * longer come:
 *
 * <ul>
 *   <li>the database showed, after the gap was noticed, no other transaction open since before the
 *       gap was noticed (PostgreSQL: {@code pg_stat_activity.xact_start}; H2: no other session
 *       holding uncommitted changes) — the holder ended, so had it committed its event would have
 *       been read by the next scan; or
 *   <li>it stayed open longer than the give-up time (a fallback when the database cannot tell).
 * </ul>
 *
 * <p>Not thread-safe: one poller owns it.
 */
public final class EventWatermark {

  /**
   * What the database said about open transactions, asked right after a scan's read.
   *
   * @param poll the number of the scan it followed
   * @param now the database's clock then
   * @param known false when the database could not tell (then only the give-up time closes gaps)
   * @param anyOpen whether another connection had a transaction open
   * @param oldestOpenStart the start of the oldest such transaction, or null when not known
   */
  public record Activity(
      long poll, Instant now, boolean known, boolean anyOpen, Instant oldestOpenStart) {

    /** The database could not tell. */
    public static Activity unknown(long poll) {
      return new Activity(poll, null, false, true, null);
    }
  }

  /** A jump in ids larger than this is taken as a moved sequence, not as open transactions. */
  static final long MAX_JUMP = 100_000;

  private record Gap(long poll, long noticedMillis, Instant noticedAt) {

    Gap(long poll, long noticedMillis) {
      this(poll, noticedMillis, null);
    }
  }

  private final long giveUpMillis;
  private final TreeMap<Long, TaskEvent> held = new TreeMap<>();
  private final TreeMap<Long, Gap> gaps = new TreeMap<>();
  private long floor;
  private long polls;
  private Activity previous;
  private long givenUp;

  /**
   * @param floor the id to start after: every event up to it counts as sent
   * @param giveUpMillis how long a gap may stay open before it is given up, in milliseconds
   */
  public EventWatermark(long floor, long giveUpMillis) {
    this.floor = floor;
    this.giveUpMillis = giveUpMillis;
  }

  /** The id up to which every event was released or will never come. */
  public long floor() {
    return floor;
  }

  /** The number of ids given up so far (rolled back, or never seen within the give-up time). */
  public long givenUp() {
    return givenUp;
  }

  /** The number of ids waited for now. */
  public int openGaps() {
    return gaps.size();
  }

  /** The number of scans taken so far: the poll an {@link Activity} asked now follows. */
  public long polls() {
    return polls;
  }

  /**
   * Takes one scan's result and returns the events now safe to send, in id order. When gaps stay
   * open, the caller then asks the database about open transactions and passes the answer to {@link
   * #observe}.
   *
   * @param events the events with ids above {@link #floor()} the scan read, in id order
   * @param complete whether the scan read every event above the floor (false when it stopped at a
   *     row limit: then no gap above the last event read may be given up, as its event may have
   *     been left unread)
   * @param nowMillis the local clock, in milliseconds
   */
  public List<TaskEvent> accept(List<TaskEvent> events, boolean complete, long nowMillis) {
    polls++;
    long covered =
        complete || events.isEmpty() ? Long.MAX_VALUE : events.get(events.size() - 1).getId();
    var released = new ArrayList<TaskEvent>();
    long expected = Math.max(floor, held.isEmpty() ? floor : held.lastKey()) + 1;
    for (var event : events) {
      long id = event.getId();
      if (id <= floor || held.containsKey(id)) {
        continue;
      }
      gaps.remove(id);
      if (id - expected > MAX_JUMP) {
        // the sequence was moved on (restored, restarted): nothing below can still come
        givenUp += id - expected;
        gaps.clear();
        released.addAll(held.values());
        held.clear();
        floor = id - 1;
        expected = id;
      }
      for (long missing = expected; missing < id; missing++) {
        if (missing > floor && !held.containsKey(missing)) {
          gaps.putIfAbsent(missing, new Gap(polls, nowMillis));
        }
      }
      held.put(id, event);
      expected = Math.max(expected, id + 1);
    }
    while (true) {
      long next = floor + 1;
      var event = held.remove(next);
      if (event != null) {
        released.add(event);
        floor = next;
        continue;
      }
      var gap = gaps.get(next);
      if (gap != null && next < covered && closed(gap, nowMillis)) {
        gaps.remove(next);
        givenUp++;
        floor = next;
        continue;
      }
      if (gap == null && !held.isEmpty() && held.firstKey() > next) {
        // an id below a held event that was never noticed (the scan started above it): wait for it
        gaps.put(next, new Gap(polls, nowMillis));
        continue;
      }
      break;
    }
    return released;
  }

  /**
   * Records what the database said about open transactions, asked after the last {@link #accept}
   * read (that order matters: a gap noticed by a read can only be given up on an answer given after
   * it).
   */
  public void observe(Activity activity) {
    for (var entry : gaps.entrySet()) {
      var gap = entry.getValue();
      if (gap.noticedAt() == null && gap.poll() == polls) {
        entry.setValue(new Gap(gap.poll(), gap.noticedMillis(), activity.now()));
      }
    }
    previous = activity;
  }

  private boolean closed(Gap gap, long nowMillis) {
    if (nowMillis - gap.noticedMillis() >= giveUpMillis) {
      return true;
    }
    var seen = previous;
    if (seen == null || !seen.known() || seen.poll() < gap.poll()) {
      return false;
    }
    if (!seen.anyOpen()) {
      return true;
    }
    return seen.oldestOpenStart() != null
        && gap.noticedAt() != null
        && seen.oldestOpenStart().isAfter(gap.noticedAt());
  }
}
