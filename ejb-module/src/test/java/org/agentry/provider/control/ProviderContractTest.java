package org.agentry.provider.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agentry.provider.entity.ProviderKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every HTTP provider adapter must do, checked against a WireMock server that speaks the
 * vendor's real wire format. Subclasses supply the vendor's paths, documents and assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderContractTest {

  static final String API_KEY = "sk-test-Zx81Qp0wLm3Vb7Ty5Rc2Nd9Ke4Hs6Ja";
  static final String WRITE_FILE_ARGS = "{\"path\":\"a.txt\",\"content\":\"hi\"}";

  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final ProviderCaller caller = new ProviderCaller(sleeps::add, Clock.systemUTC());
  WireMockServer server;

  /** The kind under test. */
  abstract ProviderKind kind();

  /** The path of the base URL, e.g. {@code /v1}, or empty. */
  abstract String basePath();

  /** The chat endpoint's path, e.g. {@code /v1/chat/completions}. */
  abstract String chatPath();

  /**
   * A response calling write_file with {@link #WRITE_FILE_ARGS}; usage 31 prompt, 17 completion.
   */
  abstract String toolCallResponse();

  /** A response saying "All done."; usage 52 prompt, 9 completion. */
  abstract String finalResponse();

  /** The write_file tool's JSON schema as sent in a request body. */
  abstract JsonObject sentToolSchema(JsonObject body);

  /** Asserts the first request carried the system prompt and the user message. */
  abstract void assertFirstMessages(JsonObject body);

  /** Asserts the second request carried the tool call and its result "wrote 2 bytes". */
  abstract void assertToolResultMessages(JsonObject body);

  /** Asserts a request carried the API key the vendor's way. */
  abstract void assertAuthenticated(LoggedRequest request);

  /** The vendor's error document with the given message. */
  abstract String errorBody(String message);

  /** The model-listing path, e.g. {@code /v1/models}. */
  abstract String modelsPath();

  /** The vendor's model list naming {@code model-a} and {@code model-b}. */
  abstract String modelsResponse();

  @BeforeAll
  void startServer() {
    server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
    server.start();
  }

  @AfterAll
  void stopServer() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    sleeps.clear();
  }

  @Test
  void roundTripsAToolCall() {
    stubSequence(okJson(toolCallResponse()), okJson(finalResponse()));
    ChatModel model = model(Duration.ofSeconds(5));
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from("You write files."));
    messages.add(UserMessage.from("Write hi to a.txt"));

    ChatResponse first = caller.call(model, request(messages), 0);
    ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
    assertEquals("write_file", call.name());
    assertEquals(json(WRITE_FILE_ARGS), json(call.arguments()));
    assertEquals(31, first.tokenUsage().inputTokenCount());
    assertEquals(17, first.tokenUsage().outputTokenCount());

    messages.add(first.aiMessage());
    messages.add(ToolExecutionResultMessage.from(call, "wrote 2 bytes"));
    ChatResponse second = caller.call(model, request(messages), 0);
    assertEquals("All done.", second.aiMessage().text());
    assertEquals(52, second.tokenUsage().inputTokenCount());
    assertEquals(9, second.tokenUsage().outputTokenCount());

    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(chatPath())));
    assertEquals(2, sent.size());
    JsonObject firstBody = json(sent.get(0).getBodyAsString());
    assertEquals(expectedSchema(), sentToolSchema(firstBody));
    assertFirstMessages(firstBody);
    assertToolResultMessages(json(sent.get(1).getBodyAsString()));
    assertAuthenticated(sent.get(0));
  }

  @Test
  void honoursRetryAfterOn429() {
    stubSequence(error(429).withHeader("Retry-After", "2"), okJson(finalResponse()));

    ChatResponse response = caller.call(model(Duration.ofSeconds(5)), hello(), 1);

    assertEquals("All done.", response.aiMessage().text());
    assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    assertEquals(2, chatRequestCount());
  }

  @Test
  void doesNotRetryAuthenticationFailure() {
    stubSequence(error(401).withBody(errorBody("Incorrect API key provided: " + API_KEY)));

    ProviderException e =
        assertThrows(
            ProviderException.class, () -> caller.call(model(Duration.ofSeconds(5)), hello(), 3));

    assertFalse(e.retriable());
    assertEquals(401, e.statusCode());
    assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
    assertFalse(e.getMessage().contains("Write hi"), e.getMessage());
    assertEquals(1, chatRequestCount());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void retriesServerErrorsWithBackoff() {
    stubSequence(error(500), error(500), okJson(finalResponse()));

    ChatResponse response = caller.call(model(Duration.ofSeconds(5)), hello(), 2);

    assertEquals("All done.", response.aiMessage().text());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sleeps);
    assertEquals(3, chatRequestCount());
  }

  @Test
  void reportsRetriableFailureWhenRetriesRunOut() {
    stubSequence(error(503), error(503));

    ProviderException e =
        assertThrows(
            ProviderException.class, () -> caller.call(model(Duration.ofSeconds(5)), hello(), 1));

    assertTrue(e.retriable());
    assertEquals(503, e.statusCode());
    assertEquals(2, chatRequestCount());
  }

  @Test
  void appliesTheTimeout() {
    server.stubFor(
        post(urlPathEqualTo(chatPath())).willReturn(okJson(finalResponse()).withFixedDelay(1_500)));

    ProviderException e =
        assertThrows(
            ProviderException.class, () -> caller.call(model(Duration.ofMillis(250)), hello(), 0));

    assertTrue(e.retriable());
    assertEquals(0, e.statusCode());
  }

  @Test
  void listsModels() {
    server.stubFor(get(urlPathEqualTo(modelsPath())).willReturn(okJson(modelsResponse())));

    assertEquals(
        List.of("model-a", "model-b"), new ModelLister().models(settings(Duration.ofSeconds(5))));
    assertAuthenticated(server.findAll(getRequestedFor(urlPathEqualTo(modelsPath()))).get(0));
  }

  @Test
  void classesModelListingFailures() {
    server.stubFor(get(urlPathEqualTo(modelsPath())).willReturn(error(401)));

    ProviderException e =
        assertThrows(
            ProviderException.class,
            () -> new ModelLister().models(settings(Duration.ofSeconds(5))));

    assertFalse(e.retriable());
    assertEquals(401, e.statusCode());
  }

  ProviderSettings settings(Duration timeout) {
    return new ProviderSettings(kind(), server.baseUrl() + basePath(), API_KEY, timeout, 0, null);
  }

  private ChatModel model(Duration timeout) {
    return ChatModels.create(settings(timeout), "test-model", 0.0, 256);
  }

  private ResponseDefinitionBuilder error(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(errorBody("failure " + status));
  }

  private void stubSequence(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      server.stubFor(
          post(urlPathEqualTo(chatPath()))
              .inScenario("sequence")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i)
              .willReturn(responses[i])
              .willSetStateTo("step " + (i + 1)));
    }
  }

  private int chatRequestCount() {
    return server.findAll(postRequestedFor(urlPathEqualTo(chatPath()))).size();
  }

  private static ChatRequest request(List<ChatMessage> messages) {
    ToolSpecification writeFile =
        ToolSpecification.builder()
            .name("write_file")
            .description("Writes a text file")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("path", "Relative path")
                    .addStringProperty("content")
                    .required("path", "content")
                    .build())
            .build();
    return ChatRequest.builder().messages(messages).toolSpecifications(writeFile).build();
  }

  private static ChatRequest hello() {
    return ChatRequest.builder().messages(UserMessage.from("Write hi")).build();
  }

  private static JsonObject expectedSchema() {
    return json(
        "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\","
            + "\"description\":\"Relative path\"},\"content\":{\"type\":\"string\"}},"
            + "\"required\":[\"path\",\"content\"]}");
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
