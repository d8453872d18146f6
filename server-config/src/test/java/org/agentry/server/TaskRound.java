package org.agentry.server;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of the task benchmark: tasks submitted by client threads to one agent, while {@code GET
 * /api/v1/dispatch} is sampled every 100 ms from the first submit until no task is queued or
 * running any more. Returns when that is seen, so that the caller can read the server's counters
 * right after.
 */
final class TaskRound {

  /** The sampling period of {@code GET /api/v1/dispatch}. */
  private static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);

  private static final String JSON = "application/json";

  /**
   * What a round measured.
   *
   * @param taskIds the submitted tasks
   * @param submitMillis each submit's latency in ms, sorted
   * @param submitSeconds first submit sent to last reply received, in seconds
   * @param samples dispatch samples taken until the tasks were done
   * @param averageRunning running tasks (summed over nodes) averaged over the samples
   */
  record Result(
      List<String> taskIds,
      List<Long> submitMillis,
      double submitSeconds,
      int samples,
      double averageRunning) {}

  private final Api api;
  private final String token;
  private final String agent;

  TaskRound(Api api, String token, String agent) {
    this.api = api;
    this.token = token;
    this.agent = agent;
  }

  /**
   * Submits {@code tasks} tasks (input {@code "<label> task <n>"}, priority n mod 10) from {@code
   * clients} threads and waits until none is queued or running.
   *
   * @throws AssertionError if a submit fails or the tasks are not done within {@code timeout}
   */
  Result run(String label, int tasks, int clients, Duration timeout) throws Exception {
    var deadline = System.nanoTime() + timeout.toNanos();
    var ids = new ConcurrentLinkedQueue<String>();
    var latencies = new ConcurrentLinkedQueue<Long>();
    var sampler = new Sampler();
    var sampling = Executors.newSingleThreadScheduledExecutor();
    var pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      sampling.scheduleAtFixedRate(
          sampler::sample, 0, SAMPLE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
      var submits = new ArrayList<Future<?>>();
      for (int i = 0; i < tasks; i++) {
        var body = "{\"input\":\"" + label + " task " + i + "\",\"priority\":" + (i % 10) + "}";
        submits.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  var reply = api.post("/api/v1/agents/" + agent + "/tasks", token, JSON, body);
                  latencies.add((System.nanoTime() - t0) / 1_000_000);
                  if (reply.status() != 202) {
                    throw new AssertionError("submit: " + reply.status() + " " + reply.body());
                  }
                  ids.add(reply.json().getString("taskId"));
                  return null;
                }));
      }
      double submitSeconds;
      try {
        for (var submit : submits) {
          submit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        submitSeconds = (System.nanoTime() - start) / 1e9;
        sampler.submitsDone = true;
        sampler.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            String.format(
                "%s round: %d of %d tasks submitted, not all done within %s; last dispatch state %s",
                label, ids.size(), tasks, timeout, sampler.last));
      }
      return new Result(
          List.copyOf(ids),
          latencies.stream().sorted().toList(),
          submitSeconds,
          sampler.samples,
          sampler.samples == 0 ? 0 : (double) sampler.runningSum / sampler.samples);
    } finally {
      sampling.shutdownNow();
      pool.shutdownNow();
    }
  }

  /** Samples the dispatch state on the sampling thread; completes {@link #done} when idle. */
  private final class Sampler {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final AtomicReference<JsonObject> last = new AtomicReference<>();
    volatile boolean submitsDone;
    int samples;
    long runningSum;

    void sample() {
      if (done.isDone()) {
        return;
      }
      try {
        boolean allSubmitted = submitsDone;
        var state = api.get("/api/v1/dispatch", token).json();
        last.set(state);
        long running =
            state.getJsonObject("running").values().stream()
                .mapToLong(v -> ((JsonNumber) v).longValue())
                .sum();
        if (allSubmitted && running == 0 && state.getJsonObject("queueDepth").isEmpty()) {
          done.complete(null);
        } else {
          samples++;
          runningSum += running;
        }
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    }
  }
}
