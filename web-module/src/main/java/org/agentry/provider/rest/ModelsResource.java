package org.agentry.provider.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.provider.boundary.Providers;
import org.agentry.security.entity.Role;

/**
 * {@code GET /api/v1/models}: per provider, the models it reports ({@code GET /models} for OpenAI
 * and Anthropic, {@code /api/tags} for Ollama), or the error that kept it from answering.
 */
@ApplicationScoped
@Path("v1/models")
@RolesAllowed(Role.VIEWER_NAME)
public class ModelsResource {

  @Inject Providers providers;

  /** E.g. {@code [{"provider":"local","kind":"openai","models":["llama3"],"error":null}]}. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Providers.ProviderModels> models() {
    return providers.models();
  }
}
