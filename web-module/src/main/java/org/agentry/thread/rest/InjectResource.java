package org.agentry.thread.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.agentry.payload.control.EnvelopeXml;
import org.agentry.payload.rest.XmlBodies;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;
import org.agentry.thread.boundary.Threads;

/**
 * {@code POST /api/v1/inject}: sends a message to an agent in a thread and starts the agent's run
 * on it as a task → 202 {@code {threadId, messageId, taskId}} with {@code Location} (the thread).
 * 404 {@code AGENT_NOT_FOUND} or {@code SESSION_NOT_FOUND}; 403 {@code PEER_NOT_ALLOWED}; 409
 * {@code SESSION_KILLED}, {@code SESSION_OF_OTHER_AGENT}, {@code THREAD_BUSY}, {@code
 * AGENT_PAUSED}; 422 {@code INVALID_PAYLOAD}, or for a target with a payload type {@code
 * XML_INVALID} (its XML Schema refused the payload; a JSON object payload is first turned into its
 * payload element, see {@code JsonToXml}); 429 {@code BUDGET_EXHAUSTED}. The body is JSON, or an
 * XML envelope ({@link #injectXml}).
 */
@ApplicationScoped
@Path("v1/inject")
@RolesAllowed(Role.OPERATOR_NAME)
public class InjectResource {

  @Inject Threads threads;

  /** Sends the message. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response inject(InjectRequest request, @Context UriInfo uri) {
    if (request == null || request.to() == null || request.to().isBlank()) {
      throw ApiException.validation("'to' is required: the agent the message is for.");
    }
    var injected =
        threads.inject(request.to(), request.from(), request.threadId(), request.toPayload());
    return accepted(injected, uri);
  }

  /**
   * Sends the message given as an XML envelope ({@code org.agentry.payload.control.Envelope}:
   * {@code <envelope
   * xmlns="urn:agentry:envelope:1"><from/><to/><thread/><payloadType/><payload/>}): {@code from}
   * {@code user} (or empty) is an operator, any other value the sending agent; {@code thread} empty
   * starts a thread; the payload's element (or text) is the message. Parsed without DTDs or
   * external entities.
   *
   * @throws org.agentry.payload.control.InvalidPayloadException 422 {@code XML_NOT_WELL_FORMED},
   *     {@code XML_DOCTYPE_REFUSED} or {@code XML_INVALID} (naming line and column) when the body
   *     is not an envelope or its payload does not fit the target's schema
   */
  @POST
  @Consumes(XmlBodies.XML)
  @Produces(MediaType.APPLICATION_JSON)
  public Response injectXml(String body, @Context UriInfo uri) {
    var envelope = EnvelopeXml.read(XmlBodies.required(body));
    var to = envelope.getTo();
    if (to == null || to.isBlank()) {
      throw ApiException.validation("'to' is required: the agent the message is for.");
    }
    var from = envelope.getFrom();
    var sender =
        from == null || from.isBlank() || from.strip().equals("user") ? null : from.strip();
    var thread = envelope.getThread();
    var content = envelope.getPayload() == null ? "" : envelope.getPayload().content();
    var mediaType =
        envelope.getPayload() != null && envelope.getPayload().element() != null
            ? XmlBodies.XML
            : MediaType.TEXT_PLAIN;
    var injected =
        threads.inject(
            to.strip(),
            sender,
            thread == null || thread.isBlank() ? null : thread.strip(),
            InjectRequest.checked(content, mediaType));
    return accepted(injected, uri);
  }

  private static Response accepted(Threads.Injected injected, UriInfo uri) {
    var location = uri.getBaseUriBuilder().path("v1/threads").path(injected.threadId()).build();
    return Response.accepted(injected).location(location).build();
  }
}
