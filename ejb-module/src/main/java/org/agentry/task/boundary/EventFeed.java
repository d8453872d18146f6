package org.agentry.task.boundary;

import java.util.List;
import org.agentry.task.control.EventWatermark;
import org.agentry.task.entity.TaskEvent;

/**
 * The events of every task as they commit, each once and in id order: one scan of the {@link
 * EventLog} per {@link #poll()}, passed through an {@link EventWatermark}. Not thread-safe: one
 * poller owns it.
 */
public final class EventFeed {

  /**
   * One poll's result.
   *
   * @param released the events now safe to send, in id order
   * @param more whether the scan stopped at its row limit (poll again at once)
   */
  public record Batch(List<TaskEvent> released, boolean more) {}

  private final EventLog log;
  private final EventWatermark watermark;
  private final int limit;

  /**
   * @param after the id to start after
   * @param giveUpMillis how long an id taken but not committed is waited for at most, in ms
   * @param limit the most events one scan reads
   */
  public EventFeed(EventLog log, long after, long giveUpMillis, int limit) {
    this.log = log;
    this.watermark = new EventWatermark(after, giveUpMillis);
    this.limit = limit;
  }

  /** Reads what committed since the last poll and returns what may now be sent. */
  public Batch poll() {
    var events = log.after(watermark.floor(), limit);
    boolean complete = events.size() < limit;
    var released = watermark.accept(events, complete, System.currentTimeMillis());
    if (watermark.openGaps() > 0) {
      watermark.observe(log.activity(watermark.polls()));
    }
    return new Batch(released, !complete);
  }

  /** The id up to which every event was released or will never come. */
  public long floor() {
    return watermark.floor();
  }

  /** The number of ids given up (rolled back, or not committed within the give-up time). */
  public long givenUp() {
    return watermark.givenUp();
  }
}
