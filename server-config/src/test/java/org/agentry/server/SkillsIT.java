package org.agentry.server;

import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The skills registry on the shared server: ingest as zip and JSON, reading back, discovery from
 * {@code AGENTRY_SKILLS_DIR}, and an agent's model loading a skill lazily through {@code
 * load_skill}.
 */
class SkillsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String skillMd(String name, String body) {
    return "---\nname: " + name + "\ndescription: Helps with " + name + ".\n---\n" + body;
  }

  private static byte[] zip(String... pathsAndTexts) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < pathsAndTexts.length; i += 2) {
        zip.putNextEntry(new ZipEntry(pathsAndTexts[i]));
        zip.write(pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Api.Reply postZip(byte[] zip) throws Exception {
    var api = SharedServer.api();
    return api.send(
        api.request("/api/v1/skills", ADMIN)
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  @Test
  void aZipIsIngestedAndReadBackWithItsFiles() throws Exception {
    var name = unique("zip");
    var created =
        postZip(
            zip(
                name + "/SKILL.md",
                skillMd(name, "Use ref/style.md."),
                name + "/ref/style.md",
                "Be brief."));
    assertEquals(201, created.status(), created.body());
    assertTrue(created.raw().headers().firstValue("Location").orElse("").endsWith(name));

    var api = SharedServer.api();
    var skill = api.get("/api/v1/skills/" + name, ADMIN).json();
    assertEquals("Helps with " + name + ".", skill.getString("description"));
    assertEquals("api", skill.getString("source"));
    assertEquals(List.of("ref/style.md"), strings(skill, "files"));
    assertTrue(skill.getString("content").endsWith("Use ref/style.md."));
    var file = api.get("/api/v1/skills/" + name + "/files/ref/style.md", ADMIN);
    assertEquals(200, file.status(), file.body());
    assertEquals("Be brief.", file.body());

    var listed = summary(name);
    assertEquals(1, listed.getInt("files"));
    assertEquals(64, listed.getString("digest").length());

    var again = postZip(zip(name + "/SKILL.md", skillMd(name, "Other.")));
    assertEquals(409, again.status(), again.body());
    assertTrue(again.body().contains("SKILL_EXISTS"), again.body());
  }

  @Test
  void unsafeZipsAreRefusedAndStoreNothing() throws Exception {
    var name = unique("bad");
    var traversal = postZip(zip(name + "/SKILL.md", skillMd(name, "x"), "../evil.md", "x"));
    assertEquals(400, traversal.status(), traversal.body());
    assertTrue(traversal.body().contains("unsafe entry name"), traversal.body());
    var bomb = zip(name + "/SKILL.md", skillMd(name, "x"), name + "/big.md", "0".repeat(6 << 20));
    var refused = postZip(bomb);
    assertEquals(400, refused.status(), refused.body());
    assertEquals(404, SharedServer.api().get("/api/v1/skills/" + name, ADMIN).status());
  }

  @Test
  void jsonIngestWritesTheFrontMatterAndPutReplacesWithIfMatch() throws Exception {
    var name = unique("json");
    var body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("description", "Notes: how to take them")
            .add("content", "# Notes\nWrite them down.")
            .add("files", Json.createObjectBuilder().add("notes.md", "n"))
            .build()
            .toString();
    var api = SharedServer.api();
    var created = api.post("/api/v1/skills", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    var content = created.json().getString("content");
    assertTrue(content.startsWith("---\n") && content.contains("name: " + name), content);

    var replace =
        api.request("/api/v1/skills/" + name, ADMIN)
            .header("Content-Type", JSON)
            .header("If-Match", created.raw().headers().firstValue("ETag").orElseThrow())
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"description\":\"New.\",\"content\":\"Changed.\"}"));
    var replaced = api.send(replace);
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("New.", replaced.json().getString("description"));
    assertEquals(List.of(), strings(replaced.json(), "files"));
    var stale = api.send(replace);
    assertEquals(412, stale.status(), stale.body());

    assertEquals(204, api.delete("/api/v1/skills/" + name, ADMIN).status());
    assertEquals(404, api.get("/api/v1/skills/" + name, ADMIN).status());
  }

  @Test
  void discoveryReportsAddedChangedRemovedAndBrokenFolders() throws Exception {
    var dir = SharedServer.skillsDir();
    var name = unique("disc");
    var folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("SKILL.md"), skillMd(name, "One."));
    var broken = Files.createDirectories(dir.resolve(unique("broken")));
    Files.writeString(broken.resolve("SKILL.md"), "no front matter");

    var first = discover();
    assertTrue(strings(first, "added").contains(name), first.toString());
    var errors = first.getJsonArray("errors").stream().map(e -> e.asJsonObject()).toList();
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.getString("name").equals(broken.getFileName().toString())
                        && e.getString("message").contains("front matter")),
        first.toString());
    assertEquals("directory", summary(name).getString("source"));

    Files.writeString(folder.resolve("SKILL.md"), skillMd(name, "Two."));
    var second = discover();
    assertTrue(strings(second, "changed").contains(name), second.toString());
    assertFalse(strings(second, "added").contains(name), second.toString());

    Files.delete(folder.resolve("SKILL.md"));
    Files.delete(folder);
    Files.delete(broken.resolve("SKILL.md"));
    Files.delete(broken);
    var third = discover();
    assertTrue(strings(third, "removed").contains(name), third.toString());
    assertEquals(404, SharedServer.api().get("/api/v1/skills/" + name, ADMIN).status());
  }

  @Test
  void aModelLoadsAListedSkillAndIsRefusedAnUnlistedOne() throws Exception {
    var listed = unique("listed");
    var unlisted = unique("unlisted");
    assertEquals(201, postZip(zip("SKILL.md", skillMd(listed, "LISTED-BODY"))).status());
    assertEquals(201, postZip(zip("SKILL.md", skillMd(unlisted, "UNLISTED-BODY"))).status());
    var turns =
        "[{\"toolCalls\":[" + load(listed) + "," + load(unlisted) + "]},{\"text\":\"done\"}]";
    var agent = unique("a");
    var body =
        AgentsIT.agentJson(
            agent, scriptedProvider(turns), "[]", ",\"skills\":[\"" + listed + "\"]");
    assertEquals(201, SharedServer.api().post("/api/v1/agents", ADMIN, JSON, body).status());

    var calls = chat(agent, "use your skill", null).getJsonArray("toolCalls");

    var loaded = calls.getJsonObject(0);
    assertTrue(!loaded.containsKey("error") || loaded.isNull("error"), calls.toString());
    assertTrue(loaded.getString("result").contains("LISTED-BODY"), calls.toString());
    var refused = calls.getJsonObject(1);
    assertEquals(
        "'" + unlisted + "' is not one of your skills; yours: " + listed,
        refused.getString("error"),
        calls.toString());
  }

  private static String load(String name) {
    return "{\"name\":\"load_skill\",\"arguments\":{\"name\":\"" + name + "\"}}";
  }

  private static JsonObject discover() throws Exception {
    var reply = SharedServer.api().post("/api/v1/skills/discover", ADMIN, JSON, "");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject summary(String name) throws Exception {
    return SharedServer.api().get("/api/v1/skills", ADMIN).structure().asJsonArray().stream()
        .map(s -> s.asJsonObject())
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in the list"));
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
