package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.shortId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real HTTP path of an {@code openai} provider: the server calls a stub that speaks OpenAI's
 * Chat Completions wire format (POST {@code /v1/chat/completions}, GET {@code /v1/models}), with a
 * tool-call round trip, a 429 with {@code Retry-After}, and a 401.
 */
class OpenAiProviderIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final String KEY = "sk-stub-key";

  private static WireMockServer stub;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    api = new Api(SharedServer.get().base());
  }

  @AfterAll
  static void stop() {
    stub.stop();
  }

  @Test
  void toolCallRoundTripOverHttp() throws Exception {
    var model = "gpt-tools-" + shortId();
    // only the second request carries the tool result, which names the call's id
    stubCompletion(model, notContaining("call_1"), toolCallReply(model), 200);
    stubCompletion(model, containing("call_1"), textReply(model, "It is noon."), 200);
    var agent = agentOn(provider(0), model, "[\"current_time\"]");

    var reply = chat(agent, "What time is it?", null);

    assertEquals("It is noon.", reply.getString("reply"));
    assertEquals(
        "current_time", reply.getJsonArray("toolCalls").getJsonObject(0).getString("name"));
    assertEquals(50 + 70, reply.getJsonObject("usage").getInt("promptTokens"));
    stub.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(matchingJsonPath("$.model", equalTo(model))));
    stub.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("current_time")))
            .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
  }

  /**
   * A task's response schema goes out as OpenAI's {@code response_format} of type {@code
   * json_schema}; an answer outside it goes back with what is wrong, and the repaired one is the
   * task's output.
   */
  @Test
  void aResponseSchemaIsSentAsTheResponseFormatAndAnAnswerOutsideItIsRepaired() throws Exception {
    var model = "gpt-json-" + shortId();
    stubCompletion(
        model, notContaining("does not match"), textReply(model, "{\\\"title\\\": 3}"), 200);
    stubCompletion(
        model, containing("does not match"), textReply(model, "{\\\"title\\\": \\\"Tea\\\"}"), 200);
    var agent = agentOn(provider(0), model, "[]");
    var schema =
        "{\"type\":\"object\",\"required\":[\"title\"],"
            + "\"properties\":{\"title\":{\"type\":\"string\"}}}";

    var created =
        api.post(
            "/api/v1/agents/" + agent + "/tasks",
            ADMIN,
            JSON,
            "{\"input\":\"Name a drink.\",\"responseSchema\":" + schema + "}");
    assertEquals(202, created.status(), created.body());
    var task = TasksIT.awaitStatus(created.json().getString("taskId"), "completed");

    assertEquals("{\"title\": \"Tea\"}", task.getString("output"));
    assertEquals(
        "title", task.getJsonObject("responseSchema").getJsonArray("required").getString(0));
    stub.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.name", equalTo("response")))
            .withRequestBody(
                matchingJsonPath(
                    "$.response_format.json_schema.schema.properties.title.type",
                    equalTo("string"))));
    stub.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .withRequestBody(containing("/title: must be a string")));
  }

  @Test
  void rateLimitIsRetriedAfterRetryAfter() throws Exception {
    var model = "gpt-429-" + shortId();
    var scenario = "rate-" + model;
    stub.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("retried"));
    stub.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .inScenario(scenario)
            .whenScenarioStateIs("retried")
            .willReturn(json(textReply(model, "after the wait"))));
    var agent = agentOn(provider(2), model, "[]");

    long start = System.nanoTime();
    var reply = chat(agent, "hi", null);

    assertEquals("after the wait", reply.getString("reply"));
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 900, "waited for Retry-After");
    stub.verify(
        2, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(model)));
  }

  @Test
  void unauthorizedIsNotRetried() throws Exception {
    var model = "gpt-401-" + shortId();
    stubCompletion(model, containing(model), "{\"error\":{\"message\":\"bad key\"}}", 401);
    var agent = agentOn(provider(3), model, "[]");

    var reply = chat(agent, "hi", null);

    assertEquals("provider_error", reply.getString("stopReason"));
    assertTrue(!reply.getString("error").contains(KEY));
    stub.verify(
        1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(model)));
  }

  @Test
  void listsTheProvidersModels() throws Exception {
    stub.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(
                json(
                    "{\"object\":\"list\",\"data\":[{\"id\":\"stub-model-a\",\"object\":\"model\"}]}")));
    var name = provider(0);

    var models = api.get("/api/v1/models", ADMIN).body();

    assertTrue(models.contains("\"provider\":\"" + name + "\""), models);
    assertTrue(models.contains("stub-model-a"), models);
    stub.verify(
        getRequestedFor(urlEqualTo("/v1/models"))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  private static String provider(int maxRetries) throws Exception {
    var name = "openai-" + shortId();
    var body =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"openai\",\"baseUrl\":\""
            + stub.baseUrl()
            + "/v1\","
            + "\"apiKey\":\""
            + KEY
            + "\",\"maxRetries\":"
            + maxRetries
            + ",\"timeoutMs\":10000}";
    var created = api.post("/api/v1/providers", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static String agentOn(String provider, String model, String tools) throws Exception {
    var name = "oa-" + shortId();
    var body =
        agentJson(name, provider, tools, "")
            .replace("\"model\":\"scripted\"", "\"model\":\"" + model + "\"");
    var created = api.post("/api/v1/agents", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static void stubCompletion(
      String model,
      com.github.tomakehurst.wiremock.matching.StringValuePattern body,
      String reply,
      int status) {
    var response = json(reply).withStatus(status);
    stub.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .withRequestBody(body)
            .willReturn(response));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  private static String toolCallReply(String model) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"current_time\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}],"
        + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}";
  }

  private static String textReply(String model, String text) {
    return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":2,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + text
        + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":70,\"completion_tokens\":5,\"total_tokens\":75}}";
  }
}
