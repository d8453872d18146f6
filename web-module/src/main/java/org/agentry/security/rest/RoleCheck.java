package org.agentry.security.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import org.agentry.platform.rest.Problems;

/**
 * Enforces {@code @RolesAllowed} on resource methods (the method's annotation wins over the
 * class's), portably across JAX-RS runtimes: 401 without a caller, 403 when the caller has none of
 * the roles. A method whose method and class name no role is denied to everyone (403). The role
 * {@value #ANY_CALLER} (as in Servlet 6.0, section 13.3) lets every authenticated caller through,
 * also one without a role.
 */
@Provider
public class RoleCheck implements DynamicFeature {

  /** The role name that stands for any authenticated caller. */
  public static final String ANY_CALLER = "**";

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    context.register(new Filter(rolesFor(resource)));
  }

  /** The roles that may call the resource method; none (deny by default) when nothing names any. */
  static String[] rolesFor(ResourceInfo resource) {
    var method = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    var type = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    var allowed = method != null ? method : type;
    return allowed != null ? allowed.value() : new String[0];
  }

  /** The status refusing the caller (401 without one, 403 without a role), or 0 to let it pass. */
  static int refusal(SecurityContext security, String[] roles) {
    if (security.getUserPrincipal() == null) {
      return 401;
    }
    return Arrays.stream(roles).anyMatch(r -> r.equals(ANY_CALLER) || security.isUserInRole(r))
        ? 0
        : 403;
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class Filter implements ContainerRequestFilter {
    private final String[] roles;

    Filter(String[] roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      int status = refusal(request.getSecurityContext(), roles);
      if (status != 0) {
        request.abortWith(Problems.forStatus(status).toResponse());
      }
    }
  }
}
