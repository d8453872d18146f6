package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.Me;

/** {@code GET /api/v1/me}: who the token belongs to and its roles. */
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
public interface MeApi {

  /** The caller. */
  @GET
  Me get();
}
