package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import org.agentry.provider.entity.ProviderKind;

/** The OpenAI Chat Completions format (OpenAI API reference, "Create chat completion"). */
class OpenAiProviderTest extends ProviderContractTest {

  @Override
  ProviderKind kind() {
    return ProviderKind.OPENAI;
  }

  @Override
  String basePath() {
    return "/v1";
  }

  @Override
  String chatPath() {
    return "/v1/chat/completions";
  }

  @Override
  String toolCallResponse() {
    return """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000,
         "model": "test-model",
         "choices": [{"index": 0, "finish_reason": "tool_calls",
           "message": {"role": "assistant", "content": null,
             "tool_calls": [{"id": "call_abc", "type": "function",
               "function": {"name": "write_file",
                 "arguments": "{\\"path\\":\\"a.txt\\",\\"content\\":\\"hi\\"}"}}]}}],
         "usage": {"prompt_tokens": 31, "completion_tokens": 17, "total_tokens": 48}}
        """;
  }

  @Override
  String finalResponse() {
    return """
        {"id": "chatcmpl-2", "object": "chat.completion", "created": 1700000001,
         "model": "test-model",
         "choices": [{"index": 0, "finish_reason": "stop",
           "message": {"role": "assistant", "content": "All done."}}],
         "usage": {"prompt_tokens": 52, "completion_tokens": 9, "total_tokens": 61}}
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
    assertEquals(256, body.getInt("max_tokens"));
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
    JsonObject call = messages.getJsonObject(2).getJsonArray("tool_calls").getJsonObject(0);
    assertEquals("call_abc", call.getString("id"));
    assertEquals(
        json(WRITE_FILE_ARGS), json(call.getJsonObject("function").getString("arguments")));
    JsonObject result = messages.getJsonObject(3);
    assertEquals("tool", result.getString("role"));
    assertEquals("call_abc", result.getString("tool_call_id"));
    assertEquals("wrote 2 bytes", result.getString("content"));
  }

  @Override
  void assertAuthenticated(LoggedRequest request) {
    assertEquals("Bearer " + API_KEY, request.getHeader("Authorization"));
  }

  @Override
  String errorBody(String message) {
    return """
        {"error": {"message": "%s", "type": "invalid_request_error", "param": null,
          "code": "invalid_api_key"}}
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
        {"object": "list", "data": [
          {"id": "model-a", "object": "model", "created": 1, "owned_by": "system"},
          {"id": "model-b", "object": "model", "created": 2, "owned_by": "system"}]}
        """;
  }
}
