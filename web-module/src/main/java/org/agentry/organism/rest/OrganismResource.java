package org.agentry.organism.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.organism.boundary.Organism;
import org.agentry.organism.boundary.Reload;
import org.agentry.organism.control.Settings;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/organism}: the server's state and counts for viewers; its settings, reload and
 * this node's drain for admins.
 */
@ApplicationScoped
@Path("v1/organism")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class OrganismResource {

  @jakarta.inject.Inject org.agentry.tenant.rest.PlatformAdminCheck platformAdmin;

  /** The answer of {@code GET /api/v1/organism/config}. */
  public record Config(List<Settings.Setting> settings) {}

  @Inject Organism organism;

  /**
   * Name, version, kinds, nodes, uptime, this node's drain and the counts; see {@link Organism}.
   */
  @GET
  @RolesAllowed(Role.VIEWER_NAME)
  public Organism.State state() {
    return organism.describe();
  }

  /** The effective {@code agentry.*} settings; secrets only as present or absent. */
  @GET
  @Path("config")
  public Config config() {
    platformAdmin.require();
    return new Config(organism.settings());
  }

  /** Reloads agent packages and this node's cached dispatch switch. */
  @POST
  @Path("reload")
  public Reload reload() {
    platformAdmin.require();
    return organism.reload();
  }

  /**
   * Drains this node: 202 with the drain's progress. 400 {@code VALIDATION_FAILED} for a deadline
   * outside 0–3600 s.
   */
  @POST
  @Path("stop")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response stop(StopRequest request) {
    platformAdmin.require();
    if (request == null) {
      throw ApiException.validation("A JSON body is required ({} takes the default deadline).");
    }
    int deadline =
        request.deadlineSeconds() == null
            ? StopRequest.DEFAULT_DEADLINE_SECONDS
            : request.deadlineSeconds();
    if (deadline < 0 || deadline > Organism.MAX_DEADLINE_SECONDS) {
      throw ApiException.validation(
          "'deadlineSeconds' must be 0 to " + Organism.MAX_DEADLINE_SECONDS + ".");
    }
    return Response.accepted(organism.stop(deadline)).build();
  }
}
