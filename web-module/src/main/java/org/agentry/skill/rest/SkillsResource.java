package org.agentry.skill.rest;

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
import org.agentry.security.entity.Role;
import org.agentry.skill.boundary.DiscoveryReport;
import org.agentry.skill.boundary.SkillDiscovery;
import org.agentry.skill.boundary.Skills;
import org.agentry.skill.control.SkillArchives;
import org.agentry.skill.control.SkillMarkdown;
import org.agentry.skill.entity.Skill;
import org.agentry.skill.entity.SkillDefinition;

/**
 * {@code /api/v1/skills}: viewers read; admins add (a zip holding one skill folder, or JSON),
 * replace, delete and discover. 409 {@code SKILL_EXISTS} when {@code POST} names a taken skill;
 * {@code PUT} replaces one with {@code If-Match} (its ETag, or {@code *}): 428 without, 412 when it
 * changed since, 404 {@code SKILL_NOT_FOUND} when there is none.
 */
@ApplicationScoped
@Path("v1/skills")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SkillsResource {

  @jakarta.inject.Inject org.agentry.tenant.rest.PlatformAdminCheck platformAdmin;

  private static final String ZIP = "application/zip";

  @Inject Skills skills;
  @Inject SkillDiscovery discovery;

  /** Every skill, by name, without its text. */
  @GET
  public List<SkillSummary> list() {
    return skills.list().stream().map(SkillSummary::of).toList();
  }

  /** One skill with its {@code SKILL.md}, file list and ETag; 404 {@code SKILL_NOT_FOUND}. */
  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    return withEtag(Response.ok(), skills.get(name));
  }

  /** One file's text; 404 {@code SKILL_NOT_FOUND} or {@code SKILL_FILE_NOT_FOUND}. */
  @GET
  @Path("{name}/files/{path: .+}")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  public String file(@PathParam("name") String name, @PathParam("path") String path) {
    return skills.file(name, path);
  }

  /** Adds a skill from a zip → 201 with {@code Location}. */
  @POST
  @Consumes(ZIP)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response createFromZip(byte[] zip, @Context UriInfo uri) {
    platformAdmin.require();
    return created(SkillArchives.fromZip(required(zip)), uri);
  }

  /** Adds a skill from JSON → 201 with {@code Location}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(SkillRequest request, @Context UriInfo uri) {
    platformAdmin.require();
    return created(definition(request), uri);
  }

  /** Replaces a skill from a zip → 200 with the new ETag. */
  @PUT
  @Path("{name}")
  @Consumes(ZIP)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response replaceFromZip(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, byte[] zip) {
    platformAdmin.require();
    var version = Versions.required(ifMatch);
    return replaced(name, version, SkillArchives.fromZip(required(zip)));
  }

  /** Replaces a skill from JSON ({@code name} may be left out) → 200 with the new ETag. */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response replace(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      SkillRequest request) {
    platformAdmin.require();
    var version = Versions.required(ifMatch);
    var named =
        request == null || request.name() != null
            ? request
            : new SkillRequest(
                name,
                request.description(),
                request.allowedTools(),
                request.content(),
                request.files());
    return replaced(name, version, definition(named));
  }

  /** Deletes a skill → 204. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response delete(@PathParam("name") String name) {
    platformAdmin.require();
    skills.delete(name);
    return Response.noContent().build();
  }

  /** Scans {@code agentry.skills.dir}: what was added, changed, removed, and broken folders. */
  @POST
  @Path("discover")
  @RolesAllowed(Role.ADMIN_NAME)
  public DiscoveryReport discover() {
    platformAdmin.require();
    return discovery.discover();
  }

  private Response created(SkillDefinition definition, UriInfo uri) {
    var skill = skills.create(definition);
    var location = uri.getAbsolutePathBuilder().path(skill.getName()).build();
    return withEtag(Response.created(location), skill);
  }

  private Response replaced(String name, Long version, SkillDefinition definition) {
    if (!definition.name().equals(name)) {
      throw ApiException.validation(
          "The skill's name '" + definition.name() + "' must be the path's, '" + name + "'.");
    }
    return withEtag(Response.ok(), skills.replace(definition, version));
  }

  private static Response withEtag(Response.ResponseBuilder builder, Skill skill) {
    return builder.tag(Versions.etag(skill.getVersion())).entity(SkillResponse.of(skill)).build();
  }

  private static SkillDefinition definition(SkillRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the skill is required.");
    }
    return SkillMarkdown.compose(
        request.name(),
        request.description(),
        request.allowedTools(),
        request.content(),
        request.fileTexts());
  }

  private static byte[] required(byte[] zip) {
    if (zip == null || zip.length == 0) {
      throw ApiException.validation("A zip holding one skill folder is required.");
    }
    return zip;
  }
}
