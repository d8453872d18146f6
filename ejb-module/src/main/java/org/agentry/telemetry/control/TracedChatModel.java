package org.agentry.telemetry.control;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A chat model whose every call is a {@code chat <model>} client span with the GenAI attributes:
 * provider, requested and answering model, temperature, maximum tokens, response id, finish reason,
 * input and output tokens; a failed call is marked with its exception's class as {@code
 * error.type}. Everything else is the wrapped model's.
 */
final class TracedChatModel implements ChatModel {

  private final ChatModel model;
  private final Tracer tracer;
  private final String providerKind;
  private final String provider;
  private final String defaultModelName;

  TracedChatModel(
      ChatModel model,
      Tracer tracer,
      String providerKind,
      String provider,
      String defaultModelName) {
    this.model = model;
    this.tracer = tracer;
    this.providerKind = providerKind;
    this.provider = provider;
    this.defaultModelName = defaultModelName;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var parameters = model.defaultRequestParameters().overrideWith(request.parameters());
    var modelName = parameters.modelName() != null ? parameters.modelName() : defaultModelName;
    var span =
        tracer
            .spanBuilder(modelName == null ? "chat" : "chat " + modelName)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(GenAi.OPERATION, "chat")
            .setAttribute(GenAi.PROVIDER, providerKind)
            .setAttribute(GenAi.SYSTEM, providerKind)
            .setAttribute(GenAi.PROVIDER_CONFIG, provider)
            .startSpan();
    if (modelName != null) {
      span.setAttribute(GenAi.REQUEST_MODEL, modelName);
    }
    if (parameters.temperature() != null) {
      span.setAttribute(GenAi.TEMPERATURE, parameters.temperature());
    }
    if (parameters.maxOutputTokens() != null) {
      span.setAttribute(GenAi.MAX_TOKENS, (long) parameters.maxOutputTokens());
    }
    try (var scope = span.makeCurrent()) {
      var response = model.chat(request);
      describe(span, response);
      Tracing.end(span, null, null);
      return response;
    } catch (RuntimeException e) {
      Tracing.end(span, e.getClass().getName(), e.getMessage());
      throw e;
    }
  }

  private static void describe(io.opentelemetry.api.trace.Span span, ChatResponse response) {
    if (response.modelName() != null) {
      span.setAttribute(GenAi.RESPONSE_MODEL, response.modelName());
    }
    if (response.id() != null) {
      span.setAttribute(GenAi.RESPONSE_ID, response.id());
    }
    if (response.finishReason() != null) {
      span.setAttribute(
          GenAi.FINISH_REASONS,
          Tracing.list(response.finishReason().name().toLowerCase(Locale.ROOT)));
    }
    var usage = response.tokenUsage();
    if (usage != null && usage.inputTokenCount() != null) {
      span.setAttribute(GenAi.INPUT_TOKENS, (long) usage.inputTokenCount());
    }
    if (usage != null && usage.outputTokenCount() != null) {
      span.setAttribute(GenAi.OUTPUT_TOKENS, (long) usage.outputTokenCount());
    }
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return model.listeners();
  }

  @Override
  public ModelProvider provider() {
    return model.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return model.supportedCapabilities();
  }
}
