package org.agentry.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code approvals}, {@code audit}, {@code sessions} and {@code skills} against WireMock. */
class OperationsCommandsTest {

  private static final String APPROVAL =
      "{\"id\":\"ap1\",\"taskId\":\"t1\",\"agent\":\"notes\",\"tool\":\"write_file\","
          + "\"arguments\":{\"path\":\"secret.txt\"},\"approverRole\":\"operator\","
          + "\"status\":\"pending\",\"expiresAt\":\"2026-12-02T10:00:00Z\"}";

  @TempDir Path home;
  WireMockServer server;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    var env = Map.of("AGENTRY_URL", server.baseUrl(), "AGENTRY_TOKEN", "t");
    return AgentryCommand.run(args, env, home, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void approvalsListPendingAndApproveOrDenyWithAComment() {
    server.stubFor(
        get("/api/v1/approvals?status=pending").willReturn(okJson("[" + APPROVAL + "]")));
    server.stubFor(
        post("/api/v1/approvals/ap1/approve")
            .willReturn(okJson(APPROVAL.replace("pending", "approved"))));
    server.stubFor(
        post("/api/v1/approvals/ap1/deny")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":409,\"code\":\"APPROVAL_DECIDED\",\"title\":\"x\"}")));

    assertEquals(0, run("approvals", "list"));
    var table = out.toString().lines().toList();
    assertTrue(table.get(0).startsWith("ID   STATUS   AGENT  TOOL        TASK"), table.get(0));
    assertTrue(table.get(1).startsWith("ap1  pending  notes  write_file  t1"), table.get(1));

    assertEquals(0, run("approvals", "approve", "ap1", "--comment", "fine"));
    assertTrue(out.toString().contains("approved"), out.toString());
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/approvals/ap1/approve"))
            .withRequestBody(equalToJson("{\"comment\":\"fine\"}")));

    assertEquals(1, run("approvals", "deny", "ap1"));
    assertTrue(err.toString().contains("APPROVAL_DECIDED (409)"), err.toString());
  }

  @Test
  void auditFiltersPagesAndExportsCsv() {
    var row =
        "{\"id\":\"%s\",\"at\":\"2026-12-01T09:00:00Z\",\"actor\":\"admin-token\","
            + "\"action\":\"agent.create\",\"resourceType\":\"agent\",\"resourceId\":\"notes\","
            + "\"outcome\":\"success\"}";
    server.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(okJson("{\"items\":[" + row.formatted("e2") + "]}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("action", equalTo("agent.create"))
            .withQueryParam("from", equalTo("2026-12-01T00:00:00Z"))
            .atPriority(10)
            .willReturn(okJson("{\"items\":[" + row.formatted("e1") + "],\"nextCursor\":\"c2\"}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/audit/export"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/csv")
                    .withBody("id,at,actor\r\ne1,2026-12-01T09:00:00Z,admin-token\r\n")));

    assertEquals(0, run("audit", "--from", "2026-12-01", "--action", "agent.create"));
    var table = out.toString().lines().toList();
    assertEquals(3, table.size(), out.toString());
    assertTrue(
        table.get(1).contains("admin-token  agent.create  agent:notes  success"), table.get(1));

    assertEquals(0, run("audit", "--actor", "admin-token", "--csv"));
    assertTrue(out.toString().startsWith("id,at,actor"), out.toString());
    server.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/audit/export"))
            .withQueryParam("actor", equalTo("admin-token")));
  }

  @Test
  void sessionsListGetAndDelete() {
    var session =
        "{\"id\":\"s1\",\"agent\":\"notes\",\"status\":\"active\",\"turns\":2,"
            + "\"updatedAt\":\"2026-12-01T09:00:00Z\"}";
    server.stubFor(
        get("/api/v1/sessions?agent=notes")
            .willReturn(
                okJson("{\"items\":[" + session + "],\"total\":3,\"offset\":0,\"limit\":1}")));
    server.stubFor(get("/api/v1/sessions/s1").willReturn(okJson(session)));
    server.stubFor(
        get("/api/v1/sessions/s1/messages?limit=200")
            .willReturn(
                okJson(
                    "[{\"id\":1,\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"id\":2,\"role\":\"assistant\",\"content\":\"hello\"}]")));
    server.stubFor(delete("/api/v1/sessions/s1").willReturn(aResponse().withStatus(204)));

    assertEquals(0, run("sessions", "list", "--agent", "notes"));
    assertTrue(
        out.toString().lines().toList().get(1).startsWith("s1  notes  active  2"), out.toString());
    assertTrue(err.toString().contains("3 sessions; next page: --offset 1"), err.toString());
    assertEquals(0, run("sessions", "get", "s1"));
    assertTrue(out.toString().contains("turns"), out.toString());
    assertEquals(0, run("sessions", "get", "s1", "--messages"));
    assertEquals("user: hi\nassistant: hello", out.toString().strip());
    assertEquals(0, run("sessions", "delete", "s1"));
    server.verify(deleteRequestedFor(urlEqualTo("/api/v1/sessions/s1")));
  }

  @Test
  void skillsListGetAndDiscover() {
    server.stubFor(
        get("/api/v1/skills")
            .willReturn(
                okJson(
                    "[{\"name\":\"pdf\",\"description\":\"Reads PDFs.\",\"files\":2,"
                        + "\"source\":\"api\"}]")));
    server.stubFor(
        get("/api/v1/skills/pdf")
            .willReturn(
                okJson("{\"name\":\"pdf\",\"content\":\"Use pdftotext.\"}")
                    .withHeader("ETag", "\"4\"")));
    server.stubFor(
        post("/api/v1/skills/discover")
            .willReturn(
                okJson("{\"added\":[\"pdf\"],\"changed\":[],\"removed\":[],\"errors\":[]}")));

    assertEquals(0, run("skills", "list"));
    assertEquals("pdf   api     2      Reads PDFs.", out.toString().lines().toList().get(1));
    assertEquals(0, run("skills", "get", "pdf", "-o", "json"));
    assertTrue(out.toString().contains("Use pdftotext."), out.toString());
    assertEquals(0, run("skills", "discover"));
    assertTrue(out.toString().contains("pdf"), out.toString());
  }
}
