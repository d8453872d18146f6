package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.agentry.client.AgentryClient;
import org.agentry.client.AgentryException;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.Decision;
import org.agentry.client.model.Message;
import org.agentry.client.model.Provider;
import org.agentry.client.model.ProviderRequest;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's groups beyond the first flow ({@link ClientIT}) over real HTTP against the shared
 * server: sessions and their transcripts, an approval round trip, the audit log, skills ingested as
 * a zip, a provider replaced with If-Match, the organism and capabilities, and typed problems.
 */
class ClientApiIT {

  /** A tool call, then a final answer. */
  private static final String TURNS =
      "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"promptTokens\":10,"
          + "\"completionTokens\":2},{\"text\":\"all done\",\"promptTokens\":20,"
          + "\"completionTokens\":3}]";

  private static AgentryClient admin;

  @BeforeAll
  static void start() throws Exception {
    admin =
        AgentryClient.builder()
            .baseUrl(SharedServer.get().base())
            .token(SharedServer.ADMIN)
            .build();
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  @Test
  void sessionsListGetTranscriptKillAndDelete() {
    var agent = agent(TURNS, List.of("current_time"), null);
    var reply = admin.agents().chat(agent, "what time is it?", null);
    var id = reply.sessionId();

    var page = admin.sessions().list(agent, null, null);
    var session = admin.sessions().get(id, null, null);
    List<Message> transcript = admin.sessions().messages(id, null, null);
    var xml = admin.sessions().messagesXml(id, null, null);
    var killed = admin.sessions().kill(id);
    admin.sessions().delete(id).close();
    var gone =
        assertThrows(AgentryException.NotFound.class, () -> admin.sessions().get(id, null, null));

    assertEquals(1, page.total());
    assertEquals(id, page.items().get(0).id());
    assertEquals("active", page.items().get(0).status());
    assertEquals(2, session.usage().calls());
    assertEquals(30, session.usage().promptTokens());
    assertEquals("current_time", session.toolCalls().get(0).name());
    assertEquals(
        List.of("user", "assistant", "tool", "assistant"),
        transcript.stream().map(Message::role).toList());
    assertEquals("all done", transcript.get(3).content());
    assertTrue(xml.contains("<envelope") && xml.contains("all done"), xml);
    assertEquals("killed", killed.status());
    assertEquals("SESSION_NOT_FOUND", gone.code());
    assertEquals(404, gone.status());
  }

  @Test
  void anApprovalIsListedApprovedAndTheTaskFinishes() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"write_file\",\"arguments\":{\"path\":\"secret-"
            + shortId()
            + ".txt\",\"content\":\"s3\"}}]},{\"text\":\"written\"}]";
    var policy =
        Json.createReader(
                new StringReader(
                    "{\"write_file\":{\"approval\":{\"argument\":\"path\",\"matches\":\"^secret\"}}}"))
            .readObject();
    var agent = agent(turns, List.of("write_file"), policy);
    var taskId = admin.tasks().submit(agent, TaskRequest.of("store it")).taskId();
    var parked = awaitStatus(taskId, "waiting");

    var pending =
        admin.approvals().list("pending", 200).stream()
            .filter(a -> taskId.equals(a.taskId()))
            .findFirst()
            .orElseThrow();
    var approved = admin.approvals().approve(pending.id(), new Decision("fine by the client"));
    var again =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.approvals().deny(pending.id(), new Decision(null)));
    var finished = admin.tasks().await(taskId, e -> {});

    assertEquals("approval required: write_file", parked.question());
    assertEquals("write_file", pending.tool());
    assertEquals("s3", pending.arguments().getString("content"));
    assertEquals("approved", approved.status());
    assertEquals("fine by the client", approved.comment());
    assertNotNull(approved.decidedBy());
    assertEquals("approved", admin.approvals().get(pending.id()).status());
    assertEquals("APPROVAL_DECIDED", again.code());
    assertEquals("completed", finished.status());
    assertEquals("written", finished.output());
  }

  @Test
  void theAuditLogAnswersQueriesAndExportsCsv() {
    var from = Instant.now().minusSeconds(2);
    var agent = agent(TURNS, List.of(), null);
    admin.agents().pause(agent);

    var page = admin.audit().list(from, null, null, "agent.pause", agent, null, 50);
    var csv = admin.audit().export(null, from, null, null, null, agent);
    var bad =
        assertThrows(
            AgentryException.InvalidRequest.class,
            () -> admin.audit().list(null, null, "x".repeat(300), null, null, null, null));

    assertEquals(1, page.items().size(), page.toString());
    var row = page.items().get(0);
    assertEquals("agent.pause", row.action());
    assertEquals(agent, row.resourceId());
    assertEquals("agent", row.resourceType());
    assertNotNull(row.at());
    assertTrue(csv.startsWith("id,at,actor,"), csv);
    assertTrue(csv.contains(",agent.create,agent," + agent + ","), csv);
    assertTrue(csv.contains(",agent.pause,agent," + agent + ","), csv);
    assertEquals("VALIDATION_FAILED", bad.code());
  }

  @Test
  void aSkillIsIngestedAsAZipListedReadAndReplacedWithItsEtag() throws Exception {
    var name = "cs-" + shortId();
    var md = "---\nname: " + name + "\ndescription: Helps with " + name + ".\n---\nUse ref/a.md.";

    var created =
        admin.skills().ingest(zip(name + "/SKILL.md", md, name + "/ref/a.md", "Be brief."));
    var listed = admin.skills().list().stream().filter(s -> s.name().equals(name)).findFirst();
    var read = admin.skills().get(name);
    var file = admin.skills().file(name, "ref/a.md");
    var change =
        new org.agentry.client.model.SkillRequest(name, "Changed.", null, "New body.", null);
    var replaced = admin.skills().replace(name, read.etag(), change);
    var stale =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.skills().replace(name, read.etag(), change));
    admin.skills().delete(name);

    assertEquals(List.of("ref/a.md"), created.value().files());
    assertEquals("api", created.value().source());
    assertNotNull(created.etag());
    assertEquals(1, listed.orElseThrow().files());
    assertEquals(created.etag(), read.etag());
    assertTrue(read.value().content().endsWith("Use ref/a.md."));
    assertEquals("Be brief.", file);
    assertEquals("Changed.", replaced.value().description());
    assertTrue(!replaced.etag().equals(read.etag()), replaced.etag());
    assertEquals("PRECONDITION_FAILED", stale.code());
    assertEquals(
        "SKILL_NOT_FOUND",
        assertThrows(AgentryException.NotFound.class, () -> admin.skills().get(name)).code());
  }

  @Test
  void anMcpServerIsRegisteredListedWithItsToolsAndRemovedWithoutShowingItsHeaders()
      throws Exception {
    var name = "mcp-" + AgentsIT.shortId();
    var secret = "Bearer " + SharedServer.ADMIN;
    var request =
        new org.agentry.client.model.McpServerRequest(
            name,
            "http",
            null,
            SharedServer.get().base() + "/mcp",
            java.util.Map.of("Authorization", secret),
            null,
            30);

    var created = admin.mcpServers().create(request);
    var tools = admin.mcpServers().tools(name);
    var listed = admin.mcpServers().list();
    admin.mcpServers().delete(name);
    var gone = assertThrows(AgentryException.class, () -> admin.mcpServers().get(name));

    assertEquals(java.util.List.of("Authorization"), created.headerNames());
    assertFalse(created.toString().contains(SharedServer.ADMIN), created.toString());
    assertTrue(tools.stream().anyMatch(t -> "submit_task".equals(t.name())), tools.toString());
    assertTrue(listed.stream().anyMatch(m -> name.equals(m.name())), listed.toString());
    assertEquals(404, gone.status());
    assertEquals("MCP_SERVER_NOT_FOUND", gone.code());
  }

  @Test
  void aProviderIsReplacedWithIfMatchAndAStaleVersionIsRefused() {
    var provider = provider(TURNS);
    var change =
        new ProviderRequest(
            provider.name(),
            "scripted",
            null,
            null,
            12_345L,
            1,
            provider.prices(),
            provider.scriptedTurns());

    var replaced = admin.providers().replace(provider.name(), change, provider.version());
    var stale =
        assertThrows(
            AgentryException.Conflict.class,
            () -> admin.providers().replace(provider.name(), change, provider.version()));

    assertEquals(12_345L, replaced.timeoutMs());
    assertEquals(1, replaced.maxRetries());
    assertTrue(replaced.version() > provider.version());
    assertEquals(replaced, admin.providers().get(provider.name()));
    assertEquals(412, stale.status());
    assertEquals("PRECONDITION_FAILED", stale.code());
  }

  @Test
  void organismCapabilitiesModelsAndInfo() {
    var state = admin.organism().state();
    var capabilities = admin.capabilities().list();
    var time = admin.capabilities().get("current_time");
    var missing =
        assertThrows(
            AgentryException.NotFound.class, () -> admin.capabilities().get("no-such-capability"));
    var info = admin.info().get();

    assertEquals("postgresql", state.databaseKind());
    assertNotNull(state.node());
    assertTrue(state.uptimeSeconds() >= 0);
    assertTrue(state.nodes().size() >= 1, state.toString());
    assertEquals(info.version(), state.version());
    assertTrue(capabilities.stream().anyMatch(c -> c.name().equals("current_time")));
    assertEquals("current_time", time.name());
    assertEquals("tool", time.kind());
    assertNotNull(time.inputSchema());
    assertEquals("CAPABILITY_NOT_FOUND", missing.code());
    assertTrue(admin.models().list().stream().anyMatch(m -> "scripted".equals(m.kind())));
  }

  private static Task awaitStatus(String taskId, String status) throws InterruptedException {
    var deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var task = admin.tasks().get(taskId);
      if (task.status().equals(status)) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(taskId + " never became " + status + ": " + admin.tasks().get(taskId));
  }

  private static byte[] zip(String... pathsAndTexts) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < pathsAndTexts.length; i += 2) {
        zip.putNextEntry(new ZipEntry(pathsAndTexts[i]));
        zip.write(pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Provider provider(String turns) {
    var prices =
        Json.createObjectBuilder()
            .add(
                "scripted",
                Json.createObjectBuilder().add("inputPerMillion", 1).add("outputPerMillion", 2))
            .build();
    var script = Json.createReader(new StringReader(turns)).readArray();
    return admin
        .providers()
        .create(
            new ProviderRequest(
                "cp-" + shortId(), "scripted", null, null, null, null, prices, script));
  }

  private static String agent(String turns, List<String> tools, jakarta.json.JsonObject settings) {
    var agent =
        new AgentRequest(
            "ca-" + shortId(),
            null,
            "You help.",
            provider(turns).name(),
            "scripted",
            null,
            null,
            tools,
            new AgentRequest.Limits(5, 60, null),
            null,
            null,
            null,
            settings,
            null,
            null);
    return admin.agents().create(agent).name();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
