package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.Capability;

/**
 * {@code /api/v1/capabilities} (operator): the tools, agents and skills an agent can be given, with
 * their input schemas. Unknown names answer 404 {@code CAPABILITY_NOT_FOUND}.
 */
@Path("v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public interface CapabilitiesApi {

  /** Every capability. */
  @GET
  List<Capability> list();

  /** One capability. */
  @GET
  @Path("{name}")
  Capability get(@PathParam("name") String name);
}
