package org.agentry.run.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Instant;
import java.util.List;
import org.agentry.session.entity.Message;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void storedToolCallsRoundTrip() {
    var call =
        ToolExecutionRequest.builder()
            .id("c1")
            .name("read_file")
            .arguments("{\"path\":\"a\"}")
            .build();
    var json = Transcript.toolCallsJson(List.of(call));

    var messages =
        Transcript.toChatMessages(
            List.of(
                Message.user("s", "hi", T),
                Message.assistant("s", null, json, T),
                Message.toolResult("s", "c1", "read_file", "content", T),
                Message.assistant("s", "done", null, T)));

    assertEquals("hi", ((UserMessage) messages.get(0)).singleText());
    var ai = (AiMessage) messages.get(1);
    assertTrue(ai.hasToolExecutionRequests());
    assertEquals(call, ai.toolExecutionRequests().get(0));
    var result = (ToolExecutionResultMessage) messages.get(2);
    assertEquals("c1", result.id());
    assertEquals("content", result.text());
    assertEquals("done", ((AiMessage) messages.get(3)).text());
  }

  @Test
  void noToolCallsIsNull() {
    assertNull(Transcript.toolCallsJson(List.of()));
    assertNull(Transcript.toolCallsJson(null));
  }

  @Test
  void userMessagesWithoutContentAreLeftOut() {
    var messages =
        Transcript.toChatMessages(List.of(Message.user("s", "hi", T), Message.user("s", null, T)));

    assertEquals(1, messages.size());
  }

  @Test
  void unansweredToolCallsGetAnInterruptedResultRightAfterTheirTurn() {
    var calls =
        Transcript.toolCallsJson(
            List.of(
                ToolExecutionRequest.builder().id("a").name("read_file").arguments("{}").build(),
                ToolExecutionRequest.builder().id("b").name("ask_user").arguments("{}").build()));

    var messages =
        Transcript.toChatMessages(
            List.of(
                Message.assistant("s", null, calls, T),
                Message.toolResult("s", "a", "read_file", "content", T),
                Message.user("s", "next question", T),
                Message.toolResult("s", "b", "ask_user", "a late answer", T)));

    assertEquals(4, messages.size(), messages.toString());
    assertEquals("content", ((ToolExecutionResultMessage) messages.get(1)).text());
    var interrupted = (ToolExecutionResultMessage) messages.get(2);
    assertEquals("b", interrupted.id());
    assertEquals(Transcript.INTERRUPTED, interrupted.text());
    assertEquals("next question", ((UserMessage) messages.get(3)).singleText());
  }

  @Test
  void anApprovedCallIsTakenOutOfTheLastTurnOnlyWhileItIsUnanswered() {
    var calls =
        "[{\"id\":\"a\",\"name\":\"read_file\",\"arguments\":\"{}\"},"
            + "{\"id\":\"b\",\"name\":\"write_file\",\"arguments\":\"{\\\"path\\\":\\\"x\\\"}\"},"
            + "{\"id\":\"c\",\"name\":\"read_file\",\"arguments\":\"{}\"}]";
    var parked =
        List.of(
            Message.user("s", "hi", T),
            Message.assistant("s", null, calls, T),
            Message.toolResult("s", "a", "read_file", "content", T),
            Message.toolResult("s", "c", "read_file", "not run: waiting for approval", T));

    var resumed = Transcript.approved(Transcript.toChatMessages(parked), "b");

    assertEquals("write_file", resumed.call().name());
    assertEquals("{\"path\":\"x\"}", resumed.call().arguments());
    assertEquals(4, resumed.history().size(), "the user message, the reply, two results");
    assertTrue(
        resumed.history().stream()
            .noneMatch(m -> m instanceof ToolExecutionResultMessage r && r.id().equals("b")));

    var answered = new java.util.ArrayList<>(parked);
    answered.add(Message.toolResult("s", "b", "write_file", "Error: denied by x", T));
    assertNull(Transcript.approved(Transcript.toChatMessages(answered), "b"));
    var movedOn = new java.util.ArrayList<>(parked);
    movedOn.add(Message.user("s", "next", T));
    assertNull(Transcript.approved(Transcript.toChatMessages(movedOn), "b"));
    assertNull(Transcript.approved(Transcript.toChatMessages(parked), "zzz"));
  }
}
