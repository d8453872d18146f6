package org.agentry.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.time.Instant;
import org.agentry.client.api.AuditApi;
import org.agentry.client.model.Decision;
import org.agentry.client.model.SkillRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interfaces of {@code org.agentry.client.api} as the client implements them, against WireMock:
 * the requests they send (token, query parameters without nulls, headers, media types) and the
 * client's error contract on every return type.
 */
class ApiProxiesTest {

  private static final String PROBLEM = "application/problem+json";

  WireMockServer server;
  AgentryClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = AgentryClient.builder().baseUrl(server.baseUrl()).token("secret-token").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void queriesLeaveNullParametersOutAndSendInstantsAsIso8601() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .willReturn(okJson("{\"items\":[{\"id\":\"e1\",\"action\":\"agent.create\"}]}")));

    var page =
        client
            .audit()
            .list(
                Instant.parse("2026-12-01T00:00:00Z"), null, null, "agent.create", null, null, 10);

    assertEquals("agent.create", page.items().get(0).action());
    server.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("from", equalTo("2026-12-01T00:00:00Z"))
            .withQueryParam("action", equalTo("agent.create"))
            .withQueryParam("limit", equalTo("10"))
            .withQueryParam("to", absent())
            .withQueryParam("cursor", absent())
            .withHeader("Authorization", equalTo("Bearer secret-token")));
    assertSame(client.audit(), client.api(AuditApi.class));
  }

  @Test
  void xmlAndJsonVariantsSendTheirMediaTypes() {
    server.stubFor(
        post(urlPathEqualTo("/api/v1/agents/inv/tasks"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"taskId\":\"t1\",\"status\":\"queued\"}")));
    server.stubFor(
        post("/api/v1/approvals/ap1/approve")
            .willReturn(okJson("{\"id\":\"ap1\",\"status\":\"approved\"}")));

    var accepted = client.tasks().submitXml("inv", "<invoice/>", "s1");
    var approved = client.approvals().approve("ap1", new Decision("ok"));

    assertEquals("t1", accepted.taskId());
    assertEquals("approved", approved.status());
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/agents/inv/tasks?sessionId=s1"))
            .withHeader("Content-Type", equalTo("application/xml"))
            .withRequestBody(equalTo("<invoice/>")));
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/approvals/ap1/approve"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"comment\":\"ok\"}")));
  }

  @Test
  void skillsCarryTheirEtagBothWays() {
    server.stubFor(
        get("/api/v1/skills/pdf")
            .willReturn(
                okJson("{\"name\":\"pdf\",\"content\":\"x\"}").withHeader("ETag", "\"4\"")));
    server.stubFor(
        put("/api/v1/skills/pdf")
            .willReturn(
                okJson("{\"name\":\"pdf\",\"content\":\"y\"}").withHeader("ETag", "\"5\"")));
    server.stubFor(
        get("/api/v1/skills/pdf/files/ref/style.md")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("Be brief.")));

    var read = client.skills().get("pdf");
    var replaced =
        client.skills().replace("pdf", read.etag(), new SkillRequest("pdf", null, null, "y", null));

    assertEquals("\"4\"", read.etag());
    assertEquals("\"5\"", replaced.etag());
    assertEquals("y", replaced.value().content());
    assertEquals("Be brief.", client.skills().file("pdf", "ref/style.md"));
    server.verify(
        putRequestedFor(urlEqualTo("/api/v1/skills/pdf")).withHeader("If-Match", equalTo("\"4\"")));
  }

  @Test
  void problemsThrowTypedExceptionsWhateverTheReturnType() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/sessions/nope")).willReturn(problem(404, "SESSION_NOT_FOUND")));
    server.stubFor(delete("/api/v1/sessions/nope").willReturn(problem(404, "SESSION_NOT_FOUND")));
    server.stubFor(post("/api/v1/approvals/ap1/deny").willReturn(problem(409, "APPROVAL_DECIDED")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/audit/export")).willReturn(problem(400, "VALIDATION_FAILED")));

    var typed =
        assertThrows(
            AgentryException.NotFound.class, () -> client.sessions().get("nope", null, null));
    var response =
        assertThrows(AgentryException.NotFound.class, () -> client.sessions().delete("nope"));
    var conflict =
        assertThrows(
            AgentryException.Conflict.class,
            () -> client.approvals().deny("ap1", new Decision(null)));
    var text =
        assertThrows(
            AgentryException.InvalidRequest.class,
            () -> client.audit().export(null, null, null, "x", null, null));

    assertEquals("SESSION_NOT_FOUND", typed.code());
    assertEquals("SESSION_NOT_FOUND", response.code());
    assertEquals("APPROVAL_DECIDED", conflict.code());
    assertEquals("the detail", conflict.detail());
    assertEquals("VALIDATION_FAILED", text.code());
  }

  @Test
  void anUnreachableServerThrowsAConnectionException() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var offline = AgentryClient.builder().baseUrl("http://127.0.0.1:" + port).build()) {
      assertThrows(AgentryConnectionException.class, () -> offline.organism().state());
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(
      int status, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", PROBLEM)
        .withBody(
            "{\"status\":"
                + status
                + ",\"code\":\""
                + code
                + "\",\"title\":\"t\","
                + "\"detail\":\"the detail\"}");
  }
}
