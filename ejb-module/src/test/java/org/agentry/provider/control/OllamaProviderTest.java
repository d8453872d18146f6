package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import org.agentry.provider.entity.ProviderKind;

/** Ollama's native chat format (Ollama API, "Generate a chat completion", {@code /api/chat}). */
class OllamaProviderTest extends ProviderContractTest {

  @Override
  ProviderKind kind() {
    return ProviderKind.OLLAMA;
  }

  @Override
  String basePath() {
    return "";
  }

  @Override
  String chatPath() {
    return "/api/chat";
  }

  @Override
  String toolCallResponse() {
    return """
        {"model": "test-model", "created_at": "2025-01-01T00:00:00Z",
         "message": {"role": "assistant", "content": "",
           "tool_calls": [{"function": {"name": "write_file",
             "arguments": {"path": "a.txt", "content": "hi"}}}]},
         "done_reason": "stop", "done": true, "total_duration": 1000,
         "prompt_eval_count": 31, "eval_count": 17}
        """;
  }

  @Override
  String finalResponse() {
    return """
        {"model": "test-model", "created_at": "2025-01-01T00:00:01Z",
         "message": {"role": "assistant", "content": "All done."},
         "done_reason": "stop", "done": true, "total_duration": 1000,
         "prompt_eval_count": 52, "eval_count": 9}
        """;
  }

  @Override
  JsonObject sentToolSchema(JsonObject body) {
    JsonObject function = body.getJsonArray("tools").getJsonObject(0).getJsonObject("function");
    assertEquals("write_file", function.getString("name"));
    return function.getJsonObject("parameters");
  }

  @Override
  void assertFirstMessages(JsonObject body) {
    assertEquals("test-model", body.getString("model"));
    assertEquals(256, body.getJsonObject("options").getInt("num_predict"));
    var messages = body.getJsonArray("messages");
    assertEquals("system", messages.getJsonObject(0).getString("role"));
    assertEquals("You write files.", messages.getJsonObject(0).getString("content"));
    assertEquals("user", messages.getJsonObject(1).getString("role"));
    assertEquals("Write hi to a.txt", messages.getJsonObject(1).getString("content"));
  }

  @Override
  void assertToolResultMessages(JsonObject body) {
    var messages = body.getJsonArray("messages");
    assertEquals(4, messages.size());
    JsonObject function =
        messages
            .getJsonObject(2)
            .getJsonArray("tool_calls")
            .getJsonObject(0)
            .getJsonObject("function");
    assertEquals("write_file", function.getString("name"));
    assertEquals(json(WRITE_FILE_ARGS), function.getJsonObject("arguments"));
    JsonObject result = messages.getJsonObject(3);
    assertEquals("tool", result.getString("role"));
    assertEquals("wrote 2 bytes", result.getString("content"));
  }

  @Override
  void assertAuthenticated(LoggedRequest request) {
    // Plain Ollama needs no key; one behind a proxy gets it as a bearer token.
    assertEquals("Bearer " + API_KEY, request.getHeader("Authorization"));
  }

  @Override
  String errorBody(String message) {
    return "{\"error\": \"%s\"}".formatted(message);
  }

  @Override
  String modelsPath() {
    return "/api/tags";
  }

  @Override
  String modelsResponse() {
    return """
        {"models": [
          {"name": "model-a", "model": "model-a", "size": 1, "digest": "abc"},
          {"name": "model-b", "model": "model-b", "size": 2, "digest": "def"}]}
        """;
  }
}
