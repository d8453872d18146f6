package org.agentry.payload.rest;

import org.agentry.agent.entity.PayloadType;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;

/** What XML request bodies share across resources. */
public final class XmlBodies {

  /** {@code application/xml}, the media type of payloads, schemas and envelopes. */
  public static final String XML = "application/xml";

  private XmlBodies() {}

  /**
   * Checks that an agent takes XML bodies at all.
   *
   * @param payload the agent's payload type, or null
   * @throws ApiException 415 {@code XML_NOT_ACCEPTED} if the agent has no payload type
   */
  public static void requireTyped(String agent, PayloadType payload) {
    if (payload == null) {
      throw new ApiException(
          new Problem(
              415,
              "XML_NOT_ACCEPTED",
              "XML not accepted",
              "The agent '"
                  + agent
                  + "' declares no payload type; send application/json, or give the agent a"
                  + " 'payload' with an XML Schema."));
    }
  }

  /**
   * The body, required.
   *
   * @throws ApiException 400 {@code VALIDATION_FAILED} when it is empty
   */
  public static String required(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.validation("An XML body is required.");
    }
    return body;
  }
}
