package org.agentry.metrics.control;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * This node's Prometheus metrics: counters and histograms the run path feeds as it writes, and
 * gauges read when scraped. Written in the Prometheus text exposition format 0.0.4 (<a
 * href="https://prometheus.io/docs/instrumenting/exposition_formats/">exposition formats</a>) by
 * the Prometheus Java client. Counters and histograms count what this node did since it started;
 * the task gauges ({@link #taskGauges}) come from the database and are the same on every node.
 *
 * <p>A count is taken where the step is written, inside its transaction: a step whose transaction
 * rolls back (rare: a lost lease) is still counted.
 */
@ApplicationScoped
public class Metrics {

  /** Seconds: 5 ms to 10 min, for model calls and task runs. */
  private static final double[] DURATION_BOUNDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Histogram modelCalls =
      Histogram.builder()
          .name("agentry_model_call_duration_seconds")
          .help("Model call latency, from request to the whole reply, in seconds")
          .labelNames("provider", "model")
          .classicOnly()
          .classicUpperBounds(DURATION_BOUNDS)
          .withoutExemplars()
          .register(registry);

  private final Counter tokens =
      Counter.builder()
          .name("agentry_tokens_total")
          .help("Tokens used by model calls, by agent, model and kind (prompt or completion)")
          .labelNames("agent", "model", "kind")
          .withoutExemplars()
          .register(registry);

  private final Counter cost =
      Counter.builder()
          .name("agentry_cost_usd_total")
          .help("Cost of model calls in US dollars, by agent and model (the provider's prices)")
          .labelNames("agent", "model")
          .withoutExemplars()
          .register(registry);

  private final Counter toolCalls =
      Counter.builder()
          .name("agentry_tool_calls_total")
          .help("Tool calls by tool and outcome (ok or error)")
          .labelNames("tool", "outcome")
          .withoutExemplars()
          .register(registry);

  private final Histogram taskDurations =
      Histogram.builder()
          .name("agentry_task_duration_seconds")
          .help("Tasks ended by a run on this node: from creation to the end, in seconds")
          .labelNames("agent", "status")
          .classicOnly()
          .classicUpperBounds(DURATION_BOUNDS)
          .withoutExemplars()
          .register(registry);

  private final Histogram scheduleLateness =
      Histogram.builder()
          .name("agentry_schedule_lateness_seconds")
          .help("How long after its slot a schedule's task was started, in seconds")
          .classicOnly()
          .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60)
          .withoutExemplars()
          .register(registry);

  /** Counts a model call: its latency, and its tokens and cost charged to the agent. */
  public void modelCall(
      String provider,
      String model,
      String agent,
      long latencyMs,
      int promptTokens,
      int completionTokens,
      double costUsd) {
    modelCalls.labelValues(provider, model).observe(latencyMs / 1000.0);
    tokens.labelValues(agent, model, "prompt").inc(promptTokens);
    tokens.labelValues(agent, model, "completion").inc(completionTokens);
    cost.labelValues(agent, model).inc(costUsd);
  }

  /** Counts a tool call. */
  public void toolCall(String tool, boolean failed) {
    toolCalls.labelValues(tool, failed ? "error" : "ok").inc();
  }

  /**
   * Counts a task that ended.
   *
   * @param status its final status, as the API names it ({@code completed}, {@code failed}, …)
   */
  public void taskEnded(String agent, String status, Duration sinceCreated) {
    taskDurations.labelValues(agent, status).observe(sinceCreated.toMillis() / 1000.0);
  }

  /** Counts a schedule's slot that started a task this long after the slot's time. */
  public void scheduleFired(Duration lateness) {
    scheduleLateness.observe(Math.max(0, lateness.toMillis()) / 1000.0);
  }

  /**
   * Registers a gauge whose values are read at each scrape.
   *
   * @param name the metric's name, {@code agentry_…}
   * @param labelNames the labels each value carries
   * @param values called at each scrape with the callback taking a value and its label values
   * @throws IllegalArgumentException if a metric of this name is registered already
   */
  public void gauge(
      String name, String help, Consumer<GaugeWithCallback.Callback> values, String... labelNames) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(labelNames)
        .callback(values)
        .register(registry);
  }

  /** The exposition format's media type. */
  public String contentType() {
    return writer.getContentType();
  }

  /** Writes every metric in the text exposition format. */
  public void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
