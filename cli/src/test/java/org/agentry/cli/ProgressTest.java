package org.agentry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.agentry.client.model.TaskEvent;
import org.junit.jupiter.api.Test;

/** The progress line: counts from the events, the tool running, a waiting task's question. */
class ProgressTest {

  final StringWriter err = new StringWriter();
  final Progress progress = new Progress(new PrintWriter(err), "t1");

  @Test
  void sumsModelCallsTokensAndCostAndShowsTheRunningTool() {
    progress.accept(event("status", "{\"status\":\"running\"}"));
    progress.accept(
        event("model.response", "{\"promptTokens\":100,\"completionTokens\":7,\"costUsd\":0.25}"));
    progress.accept(event("tool.start", "{\"name\":\"write_file\"}"));
    assertEquals(
        "t1 running · 1 model call · 107 tokens · $0.25 · tool write_file", progress.line());

    progress.accept(event("tool.end", "{\"name\":\"write_file\"}"));
    progress.accept(
        event("model.response", "{\"promptTokens\":10,\"completionTokens\":3,\"costUsd\":0.5}"));
    assertEquals("t1 running · 2 model calls · 120 tokens · $0.75", progress.line());
    assertTrue(err.toString().startsWith("\rt1 running"), err.toString());
  }

  @Test
  void aWaitingTaskShowsItsQuestion() {
    progress.accept(event("status", "{\"status\":\"waiting\",\"question\":\"Which file?\"}"));

    assertTrue(err.toString().contains("\nquestion: Which file?\n"), err.toString());
    assertTrue(err.toString().contains("agentry tasks respond t1"), err.toString());
  }

  private static TaskEvent event(String type, String data) {
    var json = Json.createReader(new StringReader(data)).readObject();
    return new TaskEvent(1, "t1", null, type, json, null);
  }
}
