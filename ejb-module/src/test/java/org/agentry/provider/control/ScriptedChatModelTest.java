package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedChatModelTest {

  private static final JsonArray SCRIPT =
      array(
          """
          [{"toolCalls": [{"name": "write_file", "arguments": {"path": "a.txt", "content": "hi"}},
                          {"name": "list_files"}],
            "promptTokens": 10, "completionTokens": 5},
           {"text": "Wrote it.", "promptTokens": 20, "completionTokens": 3, "delayMs": 250}]
          """);

  private final List<Duration> sleeps = new ArrayList<>();
  private final ScriptedChatModel model = new ScriptedChatModel(SCRIPT, "demo", sleeps::add);

  @Test
  void playsToolCallsWithDeterministicIds() {
    ChatResponse response = model.chat(request(UserMessage.from("write hi")));

    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    assertEquals(
        List.of("call_0_0", "call_0_1"), calls.stream().map(ToolExecutionRequest::id).toList());
    assertEquals("write_file", calls.get(0).name());
    assertEquals("{\"path\":\"a.txt\",\"content\":\"hi\"}", calls.get(0).arguments());
    assertEquals("{}", calls.get(1).arguments());
    assertEquals(FinishReason.TOOL_EXECUTION, response.finishReason());
    assertEquals(10, response.tokenUsage().inputTokenCount());
    assertEquals(5, response.tokenUsage().outputTokenCount());
    assertEquals("demo", response.modelName());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void picksTheTurnFromTheConversationSoFar() {
    List<ChatMessage> conversation = new ArrayList<>(List.of(UserMessage.from("write hi")));
    AiMessage first = model.chat(request(conversation)).aiMessage();
    conversation.add(first);
    first
        .toolExecutionRequests()
        .forEach(call -> conversation.add(ToolExecutionResultMessage.from(call, "ok")));

    ChatResponse second = model.chat(request(conversation));
    ChatResponse otherConversation = model.chat(request(UserMessage.from("something else")));

    assertEquals("Wrote it.", second.aiMessage().text());
    assertEquals(FinishReason.STOP, second.finishReason());
    assertEquals(List.of(Duration.ofMillis(250)), sleeps);
    assertTrue(otherConversation.aiMessage().hasToolExecutionRequests(), "starts at turn 0");
  }

  @Test
  void repeatsTheLastTextTurnPastTheEnd() {
    ChatResponse response =
        model.chat(request(UserMessage.from("a"), AiMessage.from("b"), AiMessage.from("c")));

    assertEquals("Wrote it.", response.aiMessage().text());
  }

  @Test
  void aTurnNamingAModelIsPlayedOnlyByThatModel() {
    var script =
        array(
            "[{\"text\": \"quick\", \"model\": \"fast\"},"
                + " {\"text\": \"considered\", \"model\": \"full\"}, {\"text\": \"any\"}]");
    var fast = new ScriptedChatModel(script, "fast", d -> {});
    var full = new ScriptedChatModel(script, "full", d -> {});

    assertEquals("quick", fast.chat(request(UserMessage.from("q"))).aiMessage().text());
    assertEquals("considered", full.chat(request(UserMessage.from("q"))).aiMessage().text());
    assertEquals(
        "any",
        full.chat(request(UserMessage.from("q"), AiMessage.from("considered"))).aiMessage().text());
  }

  @Test
  void saysWhenItHasNothingLeft() {
    var toolsOnly =
        new ScriptedChatModel(array("[{\"toolCalls\": [{\"name\": \"x\"}]}]"), "s", d -> {});

    ChatResponse response = toolsOnly.chat(request(UserMessage.from("a"), AiMessage.from("b")));

    assertEquals(ScriptedChatModel.NO_MORE_TURNS, response.aiMessage().text());
    assertFalse(response.aiMessage().hasToolExecutionRequests());
  }

  @Test
  void estimatesTokensAtFourCharactersEach() {
    var estimated = new ScriptedChatModel(array("[{\"text\": \"hello\"}]"), "s", d -> {});

    ChatResponse response =
        estimated.chat(request(UserMessage.from("abcdefgh"), UserMessage.from("i")));

    assertEquals(3, response.tokenUsage().inputTokenCount()); // 9 chars
    assertEquals(2, response.tokenUsage().outputTokenCount()); // 5 chars
  }

  @Test
  void sleepsInterruptibly() {
    var slow =
        new ScriptedChatModel(
            array("[{\"text\": \"late\", \"delayMs\": 60000}]"), "s", Sleeper.SYSTEM);
    Thread.currentThread().interrupt();

    ProviderException e =
        assertThrows(ProviderException.class, () -> slow.chat(request(UserMessage.from("a"))));

    assertTrue(Thread.interrupted(), "interrupt flag restored");
    assertFalse(e.retriable());
  }

  @Test
  void acceptsArgumentsAsJsonText() {
    var text =
        new ScriptedChatModel(
            array("[{\"toolCalls\": [{\"name\": \"x\", \"arguments\": \"{\\\"a\\\":1}\"}]}]"),
            "s",
            d -> {});

    assertEquals(
        "{\"a\":1}",
        text.chat(request(UserMessage.from("a")))
            .aiMessage()
            .toolExecutionRequests()
            .get(0)
            .arguments());
  }

  @Test
  void rejectsMalformedScriptsNamingTheTurn() {
    assertRejected(
        "[{\"text\": \"ok\"}, {\"txt\": \"typo\"}]", "scriptedTurns[1]: unknown field 'txt'");
    assertRejected("[{}]", "scriptedTurns[0]: a turn needs");
    assertRejected("[\"hi\"]", "scriptedTurns[0]: a turn must be a JSON object");
    assertRejected("[{\"text\": \"a\", \"promptTokens\": -1}]", "\"promptTokens\" must be");
    assertRejected("[{\"toolCalls\": [{\"arguments\": {}}]}]", "toolCalls[0] needs a \"name\"");
    assertRejected("[{\"text\": 5}]", "scriptedTurns[0]");
  }

  @Test
  void isBuiltByTheFactoryAndListsOneModel() {
    ProviderSettings settings = ProviderSettings.scripted(array("[{\"text\": \"hi\"}]"));
    ChatModel built = ChatModels.create(settings, null, null, null);

    assertEquals("hi", built.chat(request(UserMessage.from("a"))).aiMessage().text());
    assertEquals(List.of("scripted"), new ModelLister().models(settings));
  }

  private static void assertRejected(String script, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ScriptedTurn.parseAll(array(script)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static ChatRequest request(ChatMessage... messages) {
    return ChatRequest.builder().messages(messages).build();
  }

  private static ChatRequest request(List<ChatMessage> messages) {
    return ChatRequest.builder().messages(messages).build();
  }

  static JsonArray array(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
