package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.DispatchState;

/** {@code /api/v1/dispatch}: the queue's state and its switch (admin). */
@Path("v1/dispatch")
@Produces(MediaType.APPLICATION_JSON)
public interface DispatchApi {

  /** Whether dispatch is paused, queue depth per priority, running tasks per node. */
  @GET
  DispatchState state();

  /** Stops claiming queued tasks; running ones go on. */
  @POST
  @Path("pause")
  DispatchState pause();

  /** Claims queued tasks again. */
  @POST
  @Path("resume")
  DispatchState resume();
}
