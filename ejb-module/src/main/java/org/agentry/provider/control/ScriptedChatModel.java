package org.agentry.provider.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic model that replays {@link ScriptedTurn}s, for tests, demos and deterministic
 * jobs.
 *
 * <p>Turns are consumed per conversation: the turn played is the number of {@link AiMessage}s
 * already in the request, so a session replays the same way every time and concurrent conversations
 * do not interfere. Past the end of the script the last text-only turn repeats, or, without one,
 * the reply is {@value #NO_MORE_TURNS}. Tool-call ids are {@code call_<turn>_<n>}, both counted
 * from 0.
 */
public final class ScriptedChatModel implements ChatModel {

  /** The reply once the script is exhausted and it has no text-only turn to repeat. */
  public static final String NO_MORE_TURNS = "(scripted provider: no more turns)";

  private static final ScriptedTurn FALLBACK =
      new ScriptedTurn(NO_MORE_TURNS, List.of(), null, null, 0);

  private final List<ScriptedTurn> turns;
  private final ScriptedTurn repeated;
  private final String modelName;
  private final Sleeper sleeper;

  /**
   * A model playing the given script.
   *
   * @param turns the script, see {@link ScriptedTurn}; {@code null} means empty
   * @param modelName the model name reported in responses
   * @param sleeper how {@code delayMs} is waited
   * @throws IllegalArgumentException if the script is malformed
   */
  public ScriptedChatModel(JsonArray turns, String modelName, Sleeper sleeper) {
    this.turns = ScriptedTurn.parseAll(ScriptedTurn.forModel(turns, modelName));
    this.repeated =
        this.turns.stream().filter(ScriptedTurn::isTextOnly).reduce((a, b) -> b).orElse(FALLBACK);
    this.modelName = modelName;
    this.sleeper = sleeper;
  }

  /**
   * Plays the turn for this conversation's position.
   *
   * @throws ProviderException (not retriable) if interrupted during {@code delayMs}
   */
  @Override
  public ChatResponse doChat(ChatRequest request) {
    int index = (int) request.messages().stream().filter(AiMessage.class::isInstance).count();
    ScriptedTurn turn = index < turns.size() ? turns.get(index) : repeated;
    pause(turn.delayMs());
    AiMessage reply = reply(turn, index);
    int prompt = orElse(turn.promptTokens(), TokenEstimate.ofMessages(request.messages()));
    int completion = orElse(turn.completionTokens(), TokenEstimate.ofMessage(reply));
    return ChatResponse.builder()
        .id("scripted-" + index)
        .modelName(modelName)
        .aiMessage(reply)
        .tokenUsage(new TokenUsage(prompt, completion))
        .finishReason(
            reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  private static AiMessage reply(ScriptedTurn turn, int index) {
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (int n = 0; n < turn.toolCalls().size(); n++) {
      ScriptedToolCall call = turn.toolCalls().get(n);
      calls.add(
          ToolExecutionRequest.builder()
              .id("call_" + index + "_" + n)
              .name(call.name())
              .arguments(call.arguments())
              .build());
    }
    return AiMessage.builder().text(turn.text()).toolExecutionRequests(calls).build();
  }

  private void pause(long delayMs) {
    if (delayMs <= 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofMillis(delayMs));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.interrupted();
    }
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
