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
import org.agentry.client.model.DiscoveryReport;
import org.agentry.client.model.SkillRequest;
import org.agentry.client.model.SkillSummary;

/**
 * {@code /api/v1/skills}: reading needs the viewer role, changing the admin role. A skill's ETag is
 * its version; unknown names answer 404 {@code SKILL_NOT_FOUND}, bad definitions 422.
 */
@Path("v1/skills")
@Produces(MediaType.APPLICATION_JSON)
public interface SkillsApi {

  /** Every skill. */
  @GET
  List<SkillSummary> list();

  /** One skill with its instructions and file paths; the ETag comes as a header. */
  @GET
  @Path("{name}")
  Response get(@PathParam("name") String name);

  /** One file of a skill as text. */
  @GET
  @Path("{name}/files/{path}")
  @Produces(MediaType.TEXT_PLAIN)
  String file(@PathParam("name") String name, @PathParam("path") String path);

  /** Creates a skill from a zip of one skill folder (201); 409 {@code SKILL_EXISTS}. */
  @POST
  @Consumes("application/zip")
  Response createFromZip(byte[] zip);

  /** Creates a skill described as JSON (201). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  Response create(SkillRequest skill);

  /** Replaces a skill from a zip if it is still at the version {@code ifMatch} names. */
  @PUT
  @Path("{name}")
  @Consumes("application/zip")
  Response replaceFromZip(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, byte[] zip);

  /** Replaces a skill described as JSON if it is still at the version {@code ifMatch} names. */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response replace(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, SkillRequest skill);

  /** Deletes a skill (204). */
  @DELETE
  @Path("{name}")
  Response delete(@PathParam("name") String name);

  /** Reads the skills directory again. */
  @POST
  @Path("discover")
  DiscoveryReport discover();
}
