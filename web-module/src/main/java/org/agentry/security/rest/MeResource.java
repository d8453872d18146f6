package org.agentry.security.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.security.boundary.CallerProfile;
import org.agentry.security.entity.ApiKey;
import org.agentry.security.entity.Role;
import org.agentry.security.http.OidcAuthentication;

/**
 * {@code GET /api/v1/me}: who the caller is, for any authenticated caller, also one whose token
 * maps to no role (so that a console can say why everything else is refused).
 */
@ApplicationScoped
@Path("v1/me")
@RolesAllowed(RoleCheck.ANY_CALLER)
public class MeResource {

  @Inject ApiKeys apiKeys;

  @Inject org.agentry.tenant.control.CallerTenant tenant;

  /**
   * E.g. {@code {"subject":"3f1…","name":"Ada","email":"ada@example.com","roles":["admin"],
   * "tenant":"default","authenticatedBy":"oidc"}}; {@code authenticatedBy} is {@code oidc}, {@code
   * session}, {@code api-key} or {@code admin-token}.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public CallerProfile me(@Context HttpServletRequest request, @Context SecurityContext security) {
    if (request.getAttribute(OidcAuthentication.PROFILE) instanceof CallerProfile profile) {
      return profile;
    }
    var subject = security.getUserPrincipal().getName();
    var roles =
        Arrays.stream(Role.values())
            .map(Role::apiName)
            .filter(security::isUserInRole)
            .limit(1)
            .toList();
    if (subject.startsWith(ApiKeys.KEY_CALLER_PREFIX)) {
      var name =
          apiKeys
              .find(subject.substring(ApiKeys.KEY_CALLER_PREFIX.length()))
              .map(ApiKey::getName)
              .orElse(null);
      return new CallerProfile(subject, name, null, roles, tenant.own(), "api-key");
    }
    return new CallerProfile(subject, "Admin token", null, roles, tenant.own(), "admin-token");
  }
}
