package org.agentry.security.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/api-keys} (admin only). {@code POST} returns the new key's token once; {@code GET}
 * never shows tokens; {@code DELETE} revokes a key, effective on the next request.
 */
@ApplicationScoped
@Path("v1/api-keys")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  @Inject ApiKeys apiKeys;

  /**
   * Creates a key: {@code {"name": "ci", "role": "operator"}} → 201 with the key and its {@code
   * token}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateApiKeyRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ApiException.validation("A JSON body with 'name' and 'role' is required.");
    }
    var created = apiKeys.create(request.validName(), request.validRole());
    var body = ApiKeyResponse.created(created.key(), created.token());
    return Response.created(uri.getAbsolutePathBuilder().path(created.key().getId()).build())
        .entity(body)
        .build();
  }

  /** Every key, without tokens, oldest first. */
  @GET
  public List<ApiKeyResponse> list() {
    return apiKeys.list().stream().map(ApiKeyResponse::of).toList();
  }

  /** One key, without its token; 404 if unknown. */
  @GET
  @Path("{id}")
  public ApiKeyResponse get(@PathParam("id") String id) {
    return apiKeys
        .find(id)
        .map(ApiKeyResponse::of)
        .orElseThrow(() -> new UnknownResourceException("API key", id));
  }

  /** Revokes a key: 204; 404 if unknown. */
  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    apiKeys.revoke(id);
    return Response.noContent().build();
  }
}
