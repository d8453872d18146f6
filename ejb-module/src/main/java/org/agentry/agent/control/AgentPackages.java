package org.agentry.agent.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.PayloadType;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;

/** Reads agent packages from a directory and writes one as a zip. */
public final class AgentPackages {

  /** The system prompt's file. */
  public static final String PROMPT_FILE = "AGENT.md";

  /** The definition's file. */
  public static final String DEFINITION_FILE = "agent.json";

  /**
   * The payload schema's file, optional: with it, {@code agent.json} names the element in {@code
   * "payload": {"element": …, "outputElement": …}}.
   */
  public static final String SCHEMA_FILE = "payload.xsd";

  /** What a scan found: the packages, and per broken package folder what is wrong. */
  public record Scan(List<AgentPackage> packages, Map<String, String> errors) {}

  private AgentPackages() {}

  /** Every package folder directly below {@code dir}; a missing directory holds none. */
  public static Scan scan(Path dir) throws IOException {
    var packages = new ArrayList<AgentPackage>();
    var errors = new java.util.TreeMap<String, String>();
    if (!Files.isDirectory(dir)) {
      return new Scan(packages, errors);
    }
    try (var folders = Files.list(dir)) {
      for (var folder : folders.filter(Files::isDirectory).sorted().toList()) {
        if (!Files.isRegularFile(folder.resolve(DEFINITION_FILE))) {
          continue;
        }
        try {
          packages.add(read(folder));
        } catch (IOException | RuntimeException e) {
          errors.put(folder.getFileName().toString(), e.getMessage());
        }
      }
    }
    return new Scan(packages, errors);
  }

  /**
   * Reads one package folder.
   *
   * @throws IOException if a file cannot be read
   * @throws RuntimeException (JSON or validation) if the definition is malformed
   */
  public static AgentPackage read(Path folder) throws IOException {
    var prompt = Files.readString(folder.resolve(PROMPT_FILE), StandardCharsets.UTF_8);
    var json = Files.readString(folder.resolve(DEFINITION_FILE), StandardCharsets.UTF_8);
    JsonObject definition;
    try (var reader = Jsons.createReader(new StringReader(json))) {
      definition = reader.readObject();
    }
    var xsdFile = folder.resolve(SCHEMA_FILE);
    var xsd =
        Files.isRegularFile(xsdFile) ? Files.readString(xsdFile, StandardCharsets.UTF_8) : null;
    var spec = spec(definition, prompt, payload(definition, xsd));
    var digest = digest(prompt, json, xsd == null ? "" : xsd);
    return new AgentPackage(folder.getFileName().toString(), spec, digest);
  }

  private static PayloadType payload(JsonObject json, String xsd) {
    var payload = json.getJsonObject("payload");
    if (payload == null && xsd == null) {
      return null;
    }
    InvalidInputException.check(
        payload != null && xsd != null,
        "an agent package with a payload type needs both "
            + SCHEMA_FILE
            + " and 'payload' in "
            + DEFINITION_FILE);
    return new PayloadType(
        payload.getString("element", null), payload.getString("outputElement", null), xsd);
  }

  private static AgentSpec spec(JsonObject json, String prompt, PayloadType payload) {
    var limits = json.getJsonObject("limits");
    var tools = names(json, "tools");
    return new AgentSpec(
        json.getString("description", null),
        prompt,
        json.getString("provider", null),
        json.getString("model", null),
        json.get("temperature") instanceof JsonNumber t ? t.doubleValue() : null,
        json.get("maxOutputTokens") instanceof JsonNumber m ? m.intValue() : null,
        tools,
        limits == null ? null : limits(limits),
        !json.containsKey("enabled") || json.get("enabled") == JsonValue.TRUE,
        names(json, "peers"),
        payload,
        json.get("toolSettings") instanceof JsonObject settings ? settings : null,
        names(json, "skills"),
        names(json, "delegates"));
  }

  private static List<String> names(JsonObject json, String key) {
    return json.containsKey(key)
        ? json.getJsonArray(key).getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList()
        : List.of();
  }

  private static AgentLimits limits(JsonObject json) {
    var defaults = AgentLimits.DEFAULT;
    return new AgentLimits(
        json.getInt("maxIterations", defaults.maxIterations()),
        json.getInt("maxDurationSeconds", defaults.maxDurationSeconds()),
        json.get("tokenBudget") instanceof JsonNumber b ? b.longValue() : null);
  }

  /** The package of an agent as a zip: {@code <name>/AGENT.md} and {@code <name>/agent.json}. */
  public static byte[] zip(String name, AgentSpec spec) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name + "/" + PROMPT_FILE));
      zip.write(spec.systemPrompt().getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(name + "/" + DEFINITION_FILE));
      zip.write(definitionJson(spec).getBytes(StandardCharsets.UTF_8));
      if (spec.payload() != null) {
        zip.putNextEntry(new ZipEntry(name + "/" + SCHEMA_FILE));
        zip.write(spec.payload().schema().getBytes(StandardCharsets.UTF_8));
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  static String definitionJson(AgentSpec spec) {
    var json = Jsons.createObjectBuilder();
    if (spec.description() != null) {
      json.add("description", spec.description());
    }
    json.add("provider", spec.provider()).add("model", spec.model());
    if (spec.temperature() != null) {
      json.add("temperature", spec.temperature());
    }
    if (spec.maxOutputTokens() != null) {
      json.add("maxOutputTokens", spec.maxOutputTokens());
    }
    json.add("tools", Jsons.createArrayBuilder(spec.tools()));
    if (!spec.peers().isEmpty()) {
      json.add("peers", Jsons.createArrayBuilder(spec.peers()));
    }
    if (!spec.toolSettings().isEmpty()) {
      json.add("toolSettings", spec.toolSettings());
    }
    if (!spec.skills().isEmpty()) {
      json.add("skills", Jsons.createArrayBuilder(spec.skills()));
    }
    if (!spec.delegates().isEmpty()) {
      json.add("delegates", Jsons.createArrayBuilder(spec.delegates()));
    }
    var limits =
        Jsons.createObjectBuilder()
            .add("maxIterations", spec.limits().maxIterations())
            .add("maxDurationSeconds", spec.limits().maxDurationSeconds());
    if (spec.limits().tokenBudget() != null) {
      limits.add("tokenBudget", spec.limits().tokenBudget());
    }
    json.add("limits", limits).add("enabled", spec.enabled());
    var payload = spec.payload();
    if (payload != null) {
      var type = Jsons.createObjectBuilder().add("element", payload.element());
      if (payload.outputElement() != null) {
        type.add("outputElement", payload.outputElement());
      }
      json.add("payload", type);
    }
    return json.build().toString() + "\n";
  }

  private static String digest(String prompt, String json, String xsd) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      sha.update(prompt.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(json.getBytes(StandardCharsets.UTF_8));
      if (!xsd.isEmpty()) {
        // only with a schema, so that the digests of packages without one stay as they were
        sha.update((byte) 0);
        sha.update(xsd.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
