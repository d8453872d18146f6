package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.agentry.client.model.ApiKey;

/** {@code /api/v1/api-keys} (admin): service-account tokens, shown once, stored hashed. */
@Path("v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ApiKeysApi {

  /**
   * Creates a key (201) from {@code {"name": ..., "role": "admin|operator|viewer"}}; the answer's
   * token is shown this once.
   */
  @POST
  ApiKey create(Map<String, String> key);

  /** Every key, without tokens. */
  @GET
  List<ApiKey> list();

  /** One key; 404 {@code API_KEY_NOT_FOUND}. */
  @GET
  @Path("{id}")
  ApiKey get(@PathParam("id") String id);

  /** Revokes the key (204), effective on the next request. */
  @DELETE
  @Path("{id}")
  Response revoke(@PathParam("id") String id);
}
