package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/stream}: the events of every task (or one agent's) as server-sent events,
 * live, after {@code Last-Event-ID} or {@code after}. Close the response when done.
 */
@Path("v1/stream")
public interface EventStreamsApi {

  /** The raw event stream; each event's {@code data} is a task event as JSON. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  Response all(
      @QueryParam("agent") String agent,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after);
}
