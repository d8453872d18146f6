package org.agentry.thread.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.thread.boundary.Payload;

/**
 * Body of {@code POST /api/v1/inject}. Unknown fields are refused (400).
 *
 * @param to the addressed agent (required)
 * @param from the sending agent, which must name {@code to} among its {@code peers}; absent when an
 *     operator sends the message on no agent's behalf
 * @param threadId the thread (session) to continue; absent starts one
 * @param payload a JSON string (stored as it is) or a JSON object (stored as its JSON text), 1 to
 *     100,000 characters, not blank
 */
public record InjectRequest(String to, String from, String threadId, JsonValue payload) {

  /**
   * The payload.
   *
   * @throws ApiException 422 {@code INVALID_PAYLOAD} when it is absent, of another JSON type, blank
   *     or too long
   */
  Payload toPayload() {
    Payload result = null;
    if (payload instanceof JsonString text) {
      result = checked(text.getString(), "text/plain");
    } else if (payload instanceof JsonObject object) {
      result = checked(object.toString(), "application/json");
    }
    if (result == null) {
      throw invalid("'payload' must be a string or a JSON object.");
    }
    return result;
  }

  /** The payload, if 1 to {@value Payload#MAX_CHARACTERS} characters and not blank, else 422. */
  static Payload checked(String text, String mediaType) {
    if (text.isBlank() || text.length() > Payload.MAX_CHARACTERS) {
      throw invalid(
          "'payload' must not be blank, at most " + Payload.MAX_CHARACTERS + " characters.");
    }
    return new Payload(text, mediaType);
  }

  private static ApiException invalid(String detail) {
    return new ApiException(new Problem(422, "INVALID_PAYLOAD", "Invalid payload", detail));
  }
}
