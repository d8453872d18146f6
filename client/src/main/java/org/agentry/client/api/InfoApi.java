package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.Info;

/** {@code GET /api/v1/info}: the server's name and version. */
@Path("v1/info")
@Produces(MediaType.APPLICATION_JSON)
public interface InfoApi {

  /** Name, version, database and broker kind. */
  @GET
  Info get();
}
