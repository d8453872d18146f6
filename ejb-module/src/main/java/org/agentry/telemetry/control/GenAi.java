package org.agentry.telemetry.control;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute names of the OpenTelemetry semantic conventions for generative AI (<a
 * href="https://opentelemetry.io/docs/specs/semconv/gen-ai/">GenAI spans and agent spans</a>), and
 * Agentry's own under {@code agentry.}.
 */
final class GenAi {

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");

  /** The older name of {@link #PROVIDER}, which many back ends still read. */
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");

  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Double> TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
  static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("agentry.task.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("agentry.task.attempt");
  static final AttributeKey<String> PROVIDER_CONFIG = AttributeKey.stringKey("agentry.provider");

  private GenAi() {}
}
