package org.agentry.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.MessageRole;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String CALL = "[{\"id\":\"c\",\"name\":\"t\",\"arguments\":\"{}\"}]";

  /** user, assistant asking for a tool, tool result, assistant answer — four per turn. */
  private static List<Message> turns(int count) {
    var messages = new ArrayList<Message>();
    long id = 1;
    for (int turn = 0; turn < count; turn++) {
      messages.add(withId(Message.user("s", "q" + turn, T0), id++));
      messages.add(withId(Message.assistant("s", null, CALL, T0), id++));
      messages.add(withId(Message.toolResult("s", "c", "t", "r", T0), id++));
      messages.add(withId(Message.assistant("s", "a" + turn, null, T0), id++));
    }
    return messages;
  }

  private static List<Message> newestFirst(List<Message> messages) {
    var copy = new ArrayList<>(messages);
    Collections.reverse(copy);
    return copy;
  }

  @Test
  void aShortHistoryIsKeptWhole() {
    var all = turns(2);

    assertEquals(ids(all), ids(SessionHistory.window(newestFirst(all), 8)));
  }

  @Test
  void aLongHistoryKeepsTheLastMessagesFromAUserMessageOn() {
    var all = turns(3); // ids 1..12; the last 6 are 7..12, starting inside turn 2

    var window = SessionHistory.window(newestFirst(all), 6);

    // 7 (tool result) and 8 (its turn's answer) go: the window starts at turn 3's user message
    assertEquals(List.of(9L, 10L, 11L, 12L), ids(window));
  }

  @Test
  void neverStartsBetweenAToolCallAndItsResult() {
    var all = turns(3);

    for (int max = 1; max <= 12; max++) {
      var window = SessionHistory.window(newestFirst(all), max);
      // a tool result is never first: the assistant message with its call is always kept
      assertNotEquals(MessageRole.TOOL, window.get(0).getRole(), "window of " + max);
      assertEquals(12L, window.get(window.size() - 1).getId());
    }
  }

  @Test
  void withoutAUserMessageTheWindowStartsAtAnAssistantMessage() {
    var messages = new ArrayList<Message>();
    messages.add(withId(Message.user("s", "go", T0), 1));
    for (long id = 2; id < 20; id += 2) {
      messages.add(withId(Message.assistant("s", null, CALL, T0), id));
      messages.add(withId(Message.toolResult("s", "c", "t", "r", T0), id + 1));
    }

    var window = SessionHistory.window(newestFirst(messages), 5); // 15..19: tool first

    assertEquals(List.of(16L, 17L, 18L, 19L), ids(window));
  }

  private static List<Long> ids(List<Message> messages) {
    return messages.stream().map(Message::getId).toList();
  }

  private static Message withId(Message message, long id) {
    try {
      var field = Message.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(message, id);
      return message;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
