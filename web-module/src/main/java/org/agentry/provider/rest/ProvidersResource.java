package org.agentry.provider.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Versions;
import org.agentry.provider.boundary.Providers;
import org.agentry.provider.entity.Provider;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/providers}: viewers read, admins write. Responses carry an {@code ETag}; {@code
 * If-Match} on PUT is optional here (412 when it is stale).
 */
@ApplicationScoped
@Path("v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class ProvidersResource {

  @Inject Providers providers;

  /** Every provider, by name, without API keys. */
  @GET
  public List<ProviderResponse> list() {
    return providers.list().stream().map(ProviderResponse::of).toList();
  }

  /** One provider; 404 {@code PROVIDER_NOT_FOUND}. */
  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    return withEtag(Response.ok(), providers.get(name));
  }

  /** Creates a provider → 201; 409 {@code PROVIDER_EXISTS}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(ProviderRequest request, @Context UriInfo uri) {
    var body = required(request);
    var provider = providers.create(body.name(), body.toSpec(), body.apiKey());
    var location = uri.getAbsolutePathBuilder().path(provider.getName()).build();
    return withEtag(Response.created(location), provider);
  }

  /** Replaces a provider's settings. */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      ProviderRequest request) {
    var body = required(request);
    if (body.name() != null && !body.name().equals(name)) {
      throw ApiException.validation("'name' cannot change; it must be '" + name + "' or absent.");
    }
    var version = ifMatch == null ? null : Versions.required(ifMatch);
    return withEtag(Response.ok(), providers.replace(name, version, body.toSpec(), body.apiKey()));
  }

  /** Deletes a provider → 204; 409 {@code PROVIDER_IN_USE} while agents use it. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response delete(@PathParam("name") String name) {
    providers.delete(name);
    return Response.noContent().build();
  }

  private static ProviderRequest required(ProviderRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the provider is required.");
    }
    return request;
  }

  private static Response withEtag(Response.ResponseBuilder builder, Provider provider) {
    return builder
        .tag(Versions.etag(provider.getVersion()))
        .entity(ProviderResponse.of(provider))
        .build();
  }
}
