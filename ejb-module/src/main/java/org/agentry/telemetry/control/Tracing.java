package org.agentry.telemetry.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.ChatModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the run path's spans with the platform's OpenTelemetry (MicroProfile Telemetry), or with a
 * no-op one where there is none. A task keeps the W3C {@code traceparent} (<a
 * href="https://www.w3.org/TR/trace-context/">Trace Context</a>) of the request that submitted it,
 * so its run, on whichever node and however much later, continues that trace.
 */
@ApplicationScoped
public class Tracing {

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
  private static final String SCOPE = "org.agentry";
  private static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Inject Instance<OpenTelemetry> platform;

  private Tracer tracer;

  /** Tracing that records nothing, outside CDI (tests, runs built by hand). */
  public static Tracing noop() {
    var tracing = new Tracing();
    tracing.tracer = OpenTelemetry.noop().getTracer(SCOPE);
    return tracing;
  }

  @PostConstruct
  void connect() {
    OpenTelemetry otel = OpenTelemetry.noop();
    try {
      if (platform.isResolvable()) {
        otel = platform.get();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "No OpenTelemetry from the platform; traces are off", e);
    }
    tracer = otel.getTracer(SCOPE);
  }

  /**
   * The W3C {@code traceparent} of the span current on this thread (an HTTP request's, say), or
   * null when there is none or it is not sampled in.
   */
  public String currentTraceParent() {
    var context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    var carrier = new HashMap<String, String>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Starts a task run's span ({@code invoke_agent <agent>}), a child of the submitting request's
   * span when the task kept its {@code traceparent}.
   *
   * @param traceParent the task's W3C {@code traceparent}, or null
   */
  public Span taskRun(String taskId, String agent, int attempt, String traceParent) {
    var parent =
        traceParent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceParent), FROM_MAP);
    return tracer
        .spanBuilder("invoke_agent " + agent)
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(GenAi.OPERATION, "invoke_agent")
        .setAttribute(GenAi.AGENT_NAME, agent)
        .setAttribute(GenAi.TASK_ID, taskId)
        .setAttribute(GenAi.ATTEMPT, (long) attempt)
        .startSpan();
  }

  /** Starts a tool call's span ({@code execute_tool <name>}), a child of the current span. */
  public Span toolCall(ToolExecutionRequest call) {
    var builder =
        tracer
            .spanBuilder("execute_tool " + call.name())
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(GenAi.OPERATION, "execute_tool")
            .setAttribute(GenAi.TOOL_NAME, call.name())
            .setAttribute(GenAi.TOOL_TYPE, "function");
    if (call.id() != null) {
      builder.setAttribute(GenAi.TOOL_CALL_ID, call.id());
    }
    return builder.startSpan();
  }

  /**
   * The model with a span ({@code chat <model>}) around each call.
   *
   * @param providerKind the provider's kind, as {@code gen_ai.provider.name} ({@code openai}, …)
   * @param provider the provider's name in Agentry
   * @param modelName the model asked for when a request does not name one
   */
  public ChatModel traced(ChatModel model, String providerKind, String provider, String modelName) {
    return new TracedChatModel(model, tracer, providerKind, provider, modelName);
  }

  /** Ends the span, marked as failed with this error type when it is not null. */
  public static void end(Span span, String errorType, String description) {
    if (errorType != null) {
      span.setAttribute(GenAi.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, description == null ? errorType : description);
    }
    span.end();
  }

  static List<String> list(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
