package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.ProviderModels;

/** {@code GET /api/v1/models}: the models each provider offers, asked of the provider. */
@Path("v1/models")
@Produces(MediaType.APPLICATION_JSON)
public interface ModelsApi {

  /** One entry per provider; a provider that could not be asked carries an {@code error}. */
  @GET
  List<ProviderModels> list();
}
