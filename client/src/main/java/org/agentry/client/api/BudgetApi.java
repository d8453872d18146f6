package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.Budget;

/** {@code /api/v1/agents/{name}/budget}: the agent's daily and monthly limits. */
@Path("v1/agents/{name}/budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BudgetApi {

  /** The limits; each null when unset. */
  @GET
  Budget get(@PathParam("name") String agent);

  /** Replaces the limits (operator); null limits remove those limits. */
  @PUT
  Budget put(@PathParam("name") String agent, Budget budget);
}
