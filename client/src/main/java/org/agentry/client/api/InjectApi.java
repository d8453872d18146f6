package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.InjectRequest;
import org.agentry.client.model.Injected;

/**
 * {@code POST /api/v1/inject} (operator): puts a message into a thread for an agent, which runs it
 * as a task (202). 404 {@code AGENT_NOT_FOUND}, 422 {@code INVALID_PAYLOAD}.
 */
@Path("v1/inject")
@Produces(MediaType.APPLICATION_JSON)
public interface InjectApi {

  /** Injects a message described as JSON. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  Injected inject(InjectRequest message);

  /**
   * Injects an XML envelope: {@code
   * <envelope><from/><to/><thread/><payload>…</payload></envelope>}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_XML)
  Injected injectXml(String envelope);
}
