package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.client.model.Provider;
import org.agentry.client.model.ProviderRequest;

/**
 * {@code /api/v1/providers}: reading needs the viewer role, changing the admin role. API keys are
 * write-only. Unknown names answer 404 {@code PROVIDER_NOT_FOUND}.
 */
@Path("v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProvidersApi {

  /** Every provider. */
  @GET
  List<Provider> list();

  /** One provider; its {@code version} is its ETag. */
  @GET
  @Path("{name}")
  Provider get(@PathParam("name") String name);

  /** Creates a provider (201); 409 {@code PROVIDER_EXISTS}. */
  @POST
  Provider create(ProviderRequest provider);

  /**
   * Replaces a provider if it is still at the version {@code ifMatch} names ({@code "\"3\""}); 412
   * {@code PRECONDITION_FAILED} when it changed since, 428 without the header. A null {@code
   * apiKey} keeps the stored key.
   */
  @PUT
  @Path("{name}")
  Provider replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      ProviderRequest provider);

  /** Deletes a provider (204); 409 {@code PROVIDER_IN_USE} while agents name it. */
  @DELETE
  @Path("{name}")
  Response delete(@PathParam("name") String name);
}
