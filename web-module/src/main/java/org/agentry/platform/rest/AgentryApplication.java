package org.agentry.platform.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.agentry.security.entity.Role;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Agentry's REST API: every resource lives under {@code /api} and needs a bearer token. */
@ApplicationPath("api")
@DeclareRoles({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.VIEWER_NAME})
@OpenAPIDefinition(
    info = @Info(title = "Agentry", version = "v1", description = "Agent runtime server API"),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The admin token or an API key")
public class AgentryApplication extends Application {}
