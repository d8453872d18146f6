package org.agentry.security.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import org.agentry.platform.rest.Problems;

/**
 * Enforces {@code @RolesAllowed} on resource methods (the method's annotation wins over the
 * class's), portably across JAX-RS runtimes: 401 without a caller, 403 when the caller has none of
 * the roles.
 */
@Provider
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    var method = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    var type = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    var allowed = method != null ? method : type;
    if (allowed != null) {
      context.register(new Filter(allowed.value()));
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class Filter implements ContainerRequestFilter {
    private final String[] roles;

    Filter(String[] roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        request.abortWith(Problems.forStatus(401).toResponse());
      } else if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
        request.abortWith(Problems.forStatus(403).toResponse());
      }
    }
  }
}
