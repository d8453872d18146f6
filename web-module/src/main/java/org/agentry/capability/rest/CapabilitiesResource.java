package org.agentry.capability.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.capability.boundary.Capabilities;
import org.agentry.capability.control.Capability;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/capabilities}: every built-in tool and every agent, each with its input's JSON
 * Schema and an example input. Operators only: it is introspection for people, not for agents.
 */
@ApplicationScoped
@Path("v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OPERATOR_NAME)
public class CapabilitiesResource {

  @Inject Capabilities capabilities;

  /** Tools first, then agents, each sorted by name. */
  @GET
  public List<Capability> list() {
    return capabilities.list();
  }

  /** One capability by name (or {@code kind:name}); 404 {@code CAPABILITY_NOT_FOUND}. */
  @GET
  @Path("{name}")
  public Capability get(@PathParam("name") String name) {
    return capabilities.get(name);
  }
}
