package org.agentry.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hard deadlines for work that may hang: {@link #call} runs work on a pool thread and gives up
 * waiting at the deadline (interrupting the work), {@link #interruptAfter} interrupts the calling
 * thread at the deadline unless the returned alarm is closed first. Threads come from the
 * container's default {@link ManagedThreadFactory}; the pool grows as needed, so one hanging call
 * never makes another wait for a thread.
 */
@ApplicationScoped
public class Watchdog {

  @Resource ManagedThreadFactory threadFactory;

  private ExecutorService workers;
  private ScheduledExecutorService timer;

  /** A watchdog on the container's threads; {@link #standalone()} outside a container. */
  public Watchdog() {}

  private Watchdog(ThreadFactory threads) {
    start(threads);
  }

  /** A watchdog on daemon threads of its own, for tests and code outside a container. */
  public static Watchdog standalone() {
    return new Watchdog(
        work -> {
          var thread = new Thread(work, "agentry-watchdog");
          thread.setDaemon(true);
          return thread;
        });
  }

  @PostConstruct
  void start() {
    start(threadFactory);
  }

  private void start(ThreadFactory threads) {
    workers = Executors.newCachedThreadPool(threads);
    var scheduler = new ScheduledThreadPoolExecutor(1, threads);
    scheduler.setRemoveOnCancelPolicy(true);
    timer = scheduler;
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
    timer.shutdownNow();
  }

  /**
   * Runs the work on a pool thread and waits at most {@code timeout} for it.
   *
   * @param timeout positive
   * @return what the work returned
   * @throws TimeoutException if the work did not end in time; it was interrupted and left behind
   * @throws ExecutionException wrapping what the work threw
   * @throws InterruptedException if the calling thread was interrupted while waiting; the work is
   *     interrupted too
   */
  public <T> T call(Callable<T> work, Duration timeout)
      throws TimeoutException, ExecutionException, InterruptedException {
    var future = workers.submit(work);
    try {
      return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  /**
   * Interrupts the calling thread after {@code timeout} unless the alarm is closed before. Close it
   * in a {@code finally} (try-with-resources): closing clears an interrupt the alarm made, so the
   * thread goes back to its pool clean.
   *
   * @param timeout zero or negative interrupts at once
   */
  public Alarm interruptAfter(Duration timeout) {
    var alarm = new Alarm(Thread.currentThread());
    alarm.scheduled =
        timer.schedule(alarm::ring, Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    return alarm;
  }

  /** An armed {@link #interruptAfter} deadline. */
  public static final class Alarm implements AutoCloseable {

    private final Thread thread;
    private volatile java.util.concurrent.ScheduledFuture<?> scheduled;
    private boolean armed = true;
    private boolean rang;

    private Alarm(Thread thread) {
      this.thread = thread;
    }

    private synchronized void ring() {
      if (armed) {
        rang = true;
        thread.interrupt();
      }
    }

    /** Whether the deadline passed and the thread was interrupted for it. */
    public synchronized boolean rang() {
      return rang;
    }

    /** Disarms the alarm; clears the thread's interrupt if the alarm made it. */
    @Override
    public synchronized void close() {
      armed = false;
      var future = scheduled;
      if (future != null) {
        future.cancel(false);
      }
      if (rang) {
        Thread.interrupted();
      }
    }
  }
}
