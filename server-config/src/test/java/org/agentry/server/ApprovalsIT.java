package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approvals on the shared server (whose {@code agentry.approvals.expiry} is {@value #EXPIRY}): a
 * {@code write_file} call whose path matches the agent's pattern parks the task {@code waiting}
 * with a pending approval; a viewer may list it but not decide it; an operator's approval resumes
 * the task and the tool runs; a denial reaches the model as a tool error; of two decisions at once
 * exactly one wins; an approval nobody decides expires as a denial; a chat turn ends {@code
 * approval_required}; bad policies are refused.
 */
class ApprovalsIT {

  /** The shared server's approval expiry. */
  static final String EXPIRY = "PT20S";

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final String POLICY =
      "{\"write_file\":{\"approval\":{\"argument\":\"path\",\"matches\":\"^secret\"}}}";

  private static String operator;
  private static String operatorName;
  private static String viewer;

  @BeforeAll
  static void keys() throws Exception {
    var created = key("operator");
    operator = created.getString("token");
    operatorName = "api-key:" + created.getString("id");
    viewer = key("viewer").getString("token");
  }

  private static JsonObject key(String role) throws Exception {
    var body = "{\"name\":\"" + role + "-" + shortId() + "\",\"role\":\"" + role + "\"}";
    var created = SharedServer.api().post("/api/v1/api-keys", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  /** An agent with write_file held for approval when the path starts with "secret". */
  private static String agent(String policy) throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"write_file\",\"arguments\":"
            + "{\"path\":\"secret-"
            + shortId()
            + ".txt\",\"content\":\"s3\"}}]},{\"text\":\"written\"}]";
    var name = "a-" + shortId();
    var body =
        agentJson(name, scriptedProvider(turns), "[\"write_file\"]", ",\"toolSettings\":" + policy);
    var created = SharedServer.api().post("/api/v1/agents", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  /** Submits a task to the agent and waits until it waits for approval; returns its JSON. */
  private static JsonObject parked(String agent) throws Exception {
    var id = submit(agent, "{\"input\":\"store it\"}").json().getString("taskId");
    var task = awaitStatus(id, "waiting");
    assertEquals("approval required: write_file", task.getString("question"));
    return task;
  }

  /** The pending approval of the task. */
  private static JsonObject approvalOf(String taskId) throws Exception {
    var pending =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/approvals?status=pending&limit=200", viewer)
                .structure();
    return pending.stream()
        .map(v -> v.asJsonObject())
        .filter(a -> taskId.equals(a.getString("taskId", null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending approval of " + taskId + ": " + pending));
  }

  private static Api.Reply decide(String id, String verb, String token, String comment)
      throws Exception {
    var body = comment == null ? "" : "{\"comment\":\"" + comment + "\"}";
    return SharedServer.api()
        .post("/api/v1/approvals/" + id + "/" + verb, token, JSON, body.isEmpty() ? "{}" : body);
  }

  /** The stored result of the task's first tool call (call_0_0). */
  private static String toolResult(String sessionId) throws Exception {
    var messages =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/sessions/" + sessionId + "/messages?limit=200", ADMIN)
                .structure();
    return messages.stream()
        .map(v -> v.asJsonObject())
        .filter(m -> "tool".equals(m.getString("role")))
        .filter(m -> "call_0_0".equals(m.getString("toolCallId", null)))
        .map(m -> m.getString("content"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result of call_0_0: " + messages));
  }

  private static List<String> eventTypes(String taskId) throws Exception {
    return events(taskId, 0).stream().map(e -> e.asJsonObject().getString("type")).toList();
  }

  @Test
  void anOperatorApprovesWhileAViewerIsRefusedAndTheToolRuns() throws Exception {
    var task = parked(agent(POLICY));
    var taskId = task.getString("taskId");
    var approval = approvalOf(taskId);
    var id = approval.getString("id");
    assertEquals("write_file", approval.getString("tool"));
    assertEquals("call_0_0", approval.getString("toolCallId"));
    assertEquals("operator", approval.getString("approverRole"));
    assertEquals("s3", approval.getJsonObject("arguments").getString("content"));
    assertTrue(eventTypes(taskId).contains("approval.requested"), eventTypes(taskId).toString());

    var answer =
        SharedServer.api()
            .post("/api/v1/tasks/" + taskId + "/respond", ADMIN, JSON, "{\"message\":\"go\"}");
    assertEquals(400, answer.status(), "an approval is not answered: " + answer.body());
    assertTrue(answer.body().contains("TASK_NOT_WAITING"), answer.body());

    var refused = decide(id, "approve", viewer, "me too");
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.body().contains("\"code\":\"APPROVER_ROLE_REQUIRED\""), refused.body());
    assertEquals(200, SharedServer.api().get("/api/v1/approvals/" + id, viewer).status());

    var approved = decide(id, "approve", operator, "fine");
    assertEquals(200, approved.status(), approved.body());
    assertEquals("approved", approved.json().getString("status"));
    assertEquals(operatorName, approved.json().getString("decidedBy"));

    var done = awaitStatus(taskId, "completed");
    assertEquals("written", done.getString("output"));
    var result = toolResult(task.getString("sessionId"));
    assertTrue(result.startsWith("wrote 2 bytes to secret-"), result);
    var types = eventTypes(taskId);
    assertTrue(types.contains("approval.decided"), types.toString());

    var again = decide(id, "deny", operator, null);
    assertEquals(409, again.status(), again.body());
    assertTrue(again.body().contains("\"code\":\"APPROVAL_DECIDED\""), again.body());
  }

  @Test
  void aDenialReachesTheModelAsAToolErrorAndTheRunGoesOn() throws Exception {
    var task = parked(agent(POLICY));
    var taskId = task.getString("taskId");
    var id = approvalOf(taskId).getString("id");

    var denied = decide(id, "deny", operator, "too risky");
    assertEquals(200, denied.status(), denied.body());
    assertEquals("denied", denied.json().getString("status"));

    awaitStatus(taskId, "completed");
    var expected = "Error: denied by " + operatorName + ": too risky";
    assertEquals(expected, toolResult(task.getString("sessionId")));
    var context = SharedServer.api().get("/api/v1/tasks/" + taskId + "/context", ADMIN);
    assertTrue(
        context.body().contains("denied by " + operatorName + ": too risky"), context.body());
    var decided =
        events(taskId, 0).stream()
            .map(e -> e.asJsonObject())
            .filter(e -> "approval.decided".equals(e.getString("type")))
            .findFirst()
            .orElseThrow();
    assertEquals("denied", decided.getJsonObject("data").getString("status"));
  }

  @Test
  void ofTwoDecisionsAtOnceExactlyOneWins() throws Exception {
    var task = parked(agent(POLICY));
    var id = approvalOf(task.getString("taskId")).getString("id");

    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Api.Reply> approve =
          () -> {
            start.await();
            return decide(id, "approve", operator, "yes");
          };
      Callable<Api.Reply> deny =
          () -> {
            start.await();
            return decide(id, "deny", ADMIN, "no");
          };
      var first = pool.submit(approve);
      var second = pool.submit(deny);
      start.countDown();
      var replies = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
      var statuses = new ArrayList<Integer>();
      replies.forEach(r -> statuses.add(r.status()));
      statuses.sort(null);
      assertEquals(List.of(200, 409), statuses, replies.toString());
      var winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
      var stored = SharedServer.api().get("/api/v1/approvals/" + id, ADMIN).json();
      assertEquals(winner.json().getString("status"), stored.getString("status"));
      awaitStatus(task.getString("taskId"), "completed");
      var decided =
          eventTypes(task.getString("taskId")).stream().filter("approval.decided"::equals).count();
      assertEquals(1, decided);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancellingTheWaitingTaskClosesItsApproval() throws Exception {
    var task = parked(agent(POLICY));
    var taskId = task.getString("taskId");
    var id = approvalOf(taskId).getString("id");

    var cancelled =
        SharedServer.api().post("/api/v1/tasks/" + taskId + "/cancel", operator, JSON, "{}");
    assertEquals(200, cancelled.status(), cancelled.body());

    var stored = SharedServer.api().get("/api/v1/approvals/" + id, viewer).json();
    assertEquals("cancelled", stored.getString("status"));
    assertEquals(operatorName, stored.getString("decidedBy"));
    var late = decide(id, "approve", operator, "too late");
    assertEquals(409, late.status(), late.body());
    assertTrue(late.body().contains("\"code\":\"APPROVAL_DECIDED\""), late.body());
    assertEquals("cancelled", awaitStatus(taskId, "cancelled").getString("status"));
    var decided =
        events(taskId, 0).stream()
            .map(e -> e.asJsonObject())
            .filter(e -> "approval.decided".equals(e.getString("type")))
            .toList();
    assertEquals(1, decided.size(), decided.toString());
    assertEquals("cancelled", decided.get(0).getJsonObject("data").getString("status"));
  }

  @Test
  void anApprovalAndACancelAtOnceLeaveNoPendingApprovalOfACancelledTask() throws Exception {
    var task = parked(agent(POLICY));
    var taskId = task.getString("taskId");
    var id = approvalOf(taskId).getString("id");

    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var approve =
          pool.submit(
              () -> {
                start.await();
                return decide(id, "approve", operator, "yes");
              });
      var cancel =
          pool.submit(
              () -> {
                start.await();
                return SharedServer.api()
                    .post("/api/v1/tasks/" + taskId + "/cancel", operator, JSON, "{}");
              });
      start.countDown();
      var approved = approve.get(30, TimeUnit.SECONDS);
      var cancelReply = cancel.get(30, TimeUnit.SECONDS);
      assertTrue(
          approved.status() == 200 || cancelReply.status() == 200, approved + " / " + cancelReply);
      var stored = SharedServer.api().get("/api/v1/approvals/" + id, ADMIN).json();
      assertFalse("pending".equals(stored.getString("status")), stored.toString());
      assertEquals(approved.status() == 200 ? "approved" : "cancelled", stored.getString("status"));
      if (cancelReply.status() == 200) {
        awaitStatus(taskId, "cancelled");
      } else {
        assertEquals(409, cancelReply.status(), cancelReply.body());
        awaitStatus(taskId, "completed");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApprovalNobodyDecidesExpiresAsADenial() throws Exception {
    var task = parked(agent(POLICY));
    var taskId = task.getString("taskId");
    var approval = approvalOf(taskId);
    var requested = Instant.parse(approval.getString("requestedAt"));
    var expires = Instant.parse(approval.getString("expiresAt"));
    assertEquals(Duration.parse(EXPIRY), Duration.between(requested, expires));

    awaitStatus(taskId, "completed");
    var expired =
        SharedServer.api().get("/api/v1/approvals/" + approval.getString("id"), ADMIN).json();
    assertEquals("expired", expired.getString("status"));
    assertEquals("system", expired.getString("decidedBy"));
    assertFalse(Instant.parse(expired.getString("decidedAt")).isBefore(expires));
    assertEquals("Error: denied by system: expired", toolResult(task.getString("sessionId")));
  }

  @Test
  void aCallOutsideThePatternRunsAtOnceAndAChatTurnEndsApprovalRequired() throws Exception {
    var free =
        agent("{\"write_file\":{\"approval\":{\"argument\":\"path\",\"matches\":\"^etc/\"}}}");
    var id = submit(free, "{\"input\":\"store it\"}").json().getString("taskId");
    assertEquals("written", awaitStatus(id, "completed").getString("output"));

    var held = agent("{\"write_file\":{\"approval\":\"always\",\"approver\":\"admin\"}}");
    var turn = chat(held, "store it", null);
    assertEquals("approval_required", turn.getString("stopReason"));
    var approvalId = turn.getString("approvalId");
    assertNotNull(approvalId);
    var approval = SharedServer.api().get("/api/v1/approvals/" + approvalId, viewer).json();
    assertEquals("pending", approval.getString("status"));
    assertFalse(approval.containsKey("taskId") && !approval.isNull("taskId"));
    assertEquals(turn.getString("sessionId"), approval.getString("sessionId"));

    var byOperator = decide(approvalId, "deny", operator, null);
    assertEquals(403, byOperator.status(), "the approver is admin: " + byOperator.body());
    assertTrue(byOperator.body().contains("APPROVER_ROLE_REQUIRED"), byOperator.body());
    var byAdmin = decide(approvalId, "deny", ADMIN, null);
    assertEquals(200, byAdmin.status(), byAdmin.body());
    assertEquals("Error: denied by admin", toolResult(turn.getString("sessionId")));

    var again = chat(held, "store it", null);
    var approvedInChat = decide(again.getString("approvalId"), "approve", ADMIN, null);
    assertEquals(200, approvedInChat.status(), approvedInChat.body());
    var session = again.getString("sessionId");
    assertTrue(toolResult(session).startsWith("wrote 2 bytes to secret-"), toolResult(session));
    var next = chat(held, "go on", session);
    assertEquals("completed", next.getString("stopReason"));
    assertEquals("written", next.getString("reply"));
  }

  @Test
  void badPoliciesAreRefusedWith422() throws Exception {
    var provider = scriptedProvider("[{\"text\":\"x\"}]");
    for (var bad :
        List.of(
            "{\"write_file\":{\"approval\":\"sometimes\"}}",
            "{\"write_file\":{\"approval\":{\"argument\":\"path\",\"matches\":\"(\"}}}",
            "{\"write_file\":{\"approval\":\"always\",\"approver\":\"viewer\"}}")) {
      var body =
          agentJson("a-" + shortId(), provider, "[\"write_file\"]", ",\"toolSettings\":" + bad);
      var refused = SharedServer.api().post("/api/v1/agents", ADMIN, JSON, body);
      assertEquals(422, refused.status(), bad + " → " + refused.body());
      assertTrue(refused.body().contains("\"code\":\"INVALID_APPROVAL_POLICY\""), refused.body());
    }
    var unknown = SharedServer.api().get("/api/v1/approvals/nope", viewer);
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().contains("APPROVAL_NOT_FOUND"), unknown.body());
    var badStatus = SharedServer.api().get("/api/v1/approvals?status=maybe", viewer);
    assertEquals(400, badStatus.status(), badStatus.body());
  }
}
