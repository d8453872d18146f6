package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import org.agentry.provider.entity.ProviderKind;

/** The Anthropic Messages format (Anthropic API, "Messages" and "Tool use"). */
class AnthropicProviderTest extends ProviderContractTest {

  @Override
  ProviderKind kind() {
    return ProviderKind.ANTHROPIC;
  }

  @Override
  String basePath() {
    return "/v1";
  }

  @Override
  String chatPath() {
    return "/v1/messages";
  }

  @Override
  String toolCallResponse() {
    return """
        {"id": "msg_01", "type": "message", "role": "assistant", "model": "test-model",
         "content": [
           {"type": "text", "text": "I will write the file."},
           {"type": "tool_use", "id": "toolu_01", "name": "write_file",
            "input": {"path": "a.txt", "content": "hi"}}],
         "stop_reason": "tool_use", "stop_sequence": null,
         "usage": {"input_tokens": 31, "output_tokens": 17}}
        """;
  }

  @Override
  String finalResponse() {
    return """
        {"id": "msg_02", "type": "message", "role": "assistant", "model": "test-model",
         "content": [{"type": "text", "text": "All done."}],
         "stop_reason": "end_turn", "stop_sequence": null,
         "usage": {"input_tokens": 52, "output_tokens": 9}}
        """;
  }

  @Override
  JsonObject sentToolSchema(JsonObject body) {
    JsonObject tool = body.getJsonArray("tools").getJsonObject(0);
    assertEquals("write_file", tool.getString("name"));
    return tool.getJsonObject("input_schema");
  }

  @Override
  void assertFirstMessages(JsonObject body) {
    assertEquals("test-model", body.getString("model"));
    assertEquals(256, body.getInt("max_tokens"));
    assertEquals(
        "You write files.", body.getJsonArray("system").getJsonObject(0).getString("text"));
    var messages = body.getJsonArray("messages");
    assertEquals(1, messages.size());
    assertEquals("user", messages.getJsonObject(0).getString("role"));
    assertEquals(
        "Write hi to a.txt",
        messages.getJsonObject(0).getJsonArray("content").getJsonObject(0).getString("text"));
  }

  @Override
  void assertToolResultMessages(JsonObject body) {
    var messages = body.getJsonArray("messages");
    assertEquals(3, messages.size());
    JsonObject assistant = messages.getJsonObject(1);
    assertEquals("assistant", assistant.getString("role"));
    JsonObject toolUse =
        assistant.getJsonArray("content").getValuesAs(JsonObject.class).stream()
            .filter(block -> block.getString("type").equals("tool_use"))
            .findFirst()
            .orElseThrow();
    assertEquals("toolu_01", toolUse.getString("id"));
    assertEquals(json(WRITE_FILE_ARGS), toolUse.getJsonObject("input"));
    JsonObject result = messages.getJsonObject(2).getJsonArray("content").getJsonObject(0);
    assertEquals("tool_result", result.getString("type"));
    assertEquals("toolu_01", result.getString("tool_use_id"));
    assertEquals("wrote 2 bytes", result.getString("content"));
  }

  @Override
  void assertAuthenticated(LoggedRequest request) {
    assertEquals(API_KEY, request.getHeader("x-api-key"));
    assertEquals("2023-06-01", request.getHeader("anthropic-version"));
  }

  @Override
  String errorBody(String message) {
    return """
        {"type": "error", "error": {"type": "authentication_error", "message": "%s"}}
        """
        .formatted(message);
  }

  @Override
  String modelsPath() {
    return "/v1/models";
  }

  @Override
  String modelsResponse() {
    return """
        {"data": [
          {"type": "model", "id": "model-a", "display_name": "Model A",
           "created_at": "2025-01-01T00:00:00Z"},
          {"type": "model", "id": "model-b", "display_name": "Model B",
           "created_at": "2025-01-02T00:00:00Z"}],
         "has_more": false, "first_id": "model-a", "last_id": "model-b"}
        """;
  }
}
