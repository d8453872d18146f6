package org.agentry.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.agentry.client.api.SkillsApi;
import org.agentry.client.model.DiscoveryReport;
import org.agentry.client.model.Skill;
import org.agentry.client.model.SkillRequest;
import org.agentry.client.model.SkillSummary;
import org.agentry.client.model.Versioned;

/**
 * {@code /api/v1/skills} ({@link SkillsApi}) with each skill's ETag read from the answer. Unknown
 * names throw {@link AgentryException.NotFound} ({@code SKILL_NOT_FOUND}); changes need the admin
 * role.
 */
public final class Skills {

  private final Http http;
  private final SkillsApi api;

  Skills(Http http) {
    this.http = http;
    this.api = http.proxies.of(SkillsApi.class);
  }

  /** Every skill. */
  public List<SkillSummary> list() {
    return api.list();
  }

  /** One skill and its ETag. */
  public Versioned<Skill> get(String name) {
    return versioned(api.get(name));
  }

  /**
   * One file of a skill as text.
   *
   * @param path relative to the skill's folder, e.g. {@code ref/style.md}
   */
  public String file(String name, String path) {
    var segments = new ArrayList<String>(List.of("skills", name, "files"));
    segments.addAll(List.of(path.split("/")));
    var request = http.path(segments.toArray(String[]::new)).request(MediaType.TEXT_PLAIN_TYPE);
    return http.read(http.call(request, "GET", null), String.class);
  }

  /** Creates a skill described as JSON; 409 {@code SKILL_EXISTS}, 422 for a bad definition. */
  public Versioned<Skill> create(SkillRequest skill) {
    return versioned(api.create(skill));
  }

  /** Creates a skill from a zip holding one skill folder ({@code SKILL.md} and its files). */
  public Versioned<Skill> ingest(byte[] zip) {
    return versioned(api.createFromZip(zip));
  }

  /**
   * Replaces a skill if it is still at {@code etag}; 412 {@code PRECONDITION_FAILED} when it
   * changed since.
   */
  public Versioned<Skill> replace(String name, String etag, SkillRequest skill) {
    return versioned(api.replace(name, etag, skill));
  }

  /** Deletes a skill. */
  public void delete(String name) {
    api.delete(name).close();
  }

  /** Reads the skills directory again (admin). */
  public DiscoveryReport discover() {
    return api.discover();
  }

  private static Versioned<Skill> versioned(Response response) {
    try (response) {
      return new Versioned<>(
          response.readEntity(Skill.class), response.getHeaderString(HttpHeaders.ETAG));
    } catch (jakarta.ws.rs.ProcessingException e) {
      throw new AgentryConnectionException("Cannot read the answer: " + e.getMessage(), e);
    }
  }
}
