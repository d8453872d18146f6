package org.agentry.dispatch.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.dispatch.boundary.TaskDispatch;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/dispatch}: whether nodes claim tasks, the queue depth per priority and the running
 * tasks per node. Pausing is cluster-wide and kept in the database; running tasks go on.
 */
@ApplicationScoped
@Path("v1/dispatch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class DispatchResource {

  @jakarta.inject.Inject org.agentry.tenant.rest.PlatformAdminCheck platformAdmin;

  @Inject TaskDispatch dispatch;

  /** E.g. {@code {"paused":false,"queueDepth":{"7":3,"4":10},"running":{"node-1":8}}}. */
  @GET
  public TaskDispatch.State state() {
    return dispatch.state();
  }

  /** Stops every node from claiming tasks. */
  @POST
  @Path("pause")
  @RolesAllowed(Role.ADMIN_NAME)
  public TaskDispatch.State pause() {
    platformAdmin.require();
    return dispatch.pause();
  }

  /** Lets nodes claim tasks again and sends every runnable queued task, highest priority first. */
  @POST
  @Path("resume")
  @RolesAllowed(Role.ADMIN_NAME)
  public TaskDispatch.State resume() {
    platformAdmin.require();
    return dispatch.resume();
  }
}
