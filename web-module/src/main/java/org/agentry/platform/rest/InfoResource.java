package org.agentry.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.platform.boundary.SystemInfo;
import org.agentry.security.entity.Role;

/** {@code GET /api/v1/info}: name, version, database kind and broker kind of this server. */
@ApplicationScoped
@Path("v1/info")
@RolesAllowed(Role.VIEWER_NAME)
public class InfoResource {

  @Inject SystemInfo systemInfo;

  /**
   * E.g. {@code {"name":"agentry","version":"0.1.0","databaseKind":"h2","brokerKind":"embedded"}}.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public SystemInfo.Info info() {
    return systemInfo.describe();
  }
}
