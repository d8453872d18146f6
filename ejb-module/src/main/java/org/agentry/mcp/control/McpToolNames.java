package org.agentry.mcp.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;

/**
 * How MCP tools are named on both sides.
 *
 * <p>In an agent's {@code tools}: {@code mcp:<server>/<tool>} for one tool, {@code mcp:<server>/*}
 * for all of the server's tools. The model sees each as {@code mcp_<server>_<tool>}: model
 * providers accept only {@code [a-zA-Z0-9_-]} in tool names, at most 64 characters (OpenAI's
 * function names, Anthropic's tool names), so every other character of the MCP tool's name becomes
 * {@code _}, and a name longer than 64 is cut to 55 and ends with {@code _} and 8 hex digits of the
 * SHA-256 of the full name. Server names hold no {@code _}, so the first {@code _} after {@code
 * mcp_} ends the server's name.
 */
public final class McpToolNames {

  /** The prefix of an MCP entry in an agent's {@code tools}. */
  public static final String ENTRY_PREFIX = "mcp:";

  /** The prefix of the names the model sees. */
  public static final String MODEL_PREFIX = "mcp_";

  /** The longest tool name providers accept. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern ENTRY =
      Pattern.compile("mcp:(" + Names.PATTERN + ")/([^\\s/]{1,128}|\\*)");

  private static final Pattern OTHER = Pattern.compile("[^A-Za-z0-9_-]");

  private McpToolNames() {}

  /** An agent's {@code mcp:<server>/<tool>} entry; {@code tool} is {@code *} for all. */
  public record Entry(String server, String tool) {

    /** Whether the entry lets the agent use this tool of its server. */
    public boolean covers(String server, String mcpToolName) {
      return this.server.equals(server) && (tool.equals("*") || tool.equals(mcpToolName));
    }
  }

  /** Whether an entry of an agent's {@code tools} is an MCP one (starts with {@code mcp:}). */
  public static boolean isEntry(String entry) {
    return entry != null && entry.startsWith(ENTRY_PREFIX);
  }

  /**
   * @throws InvalidInputException unless it is {@code mcp:<server>/<tool>} or {@code
   *     mcp:<server>/*}
   */
  public static Entry entry(String text) {
    var match = text == null ? null : ENTRY.matcher(text);
    InvalidInputException.check(
        match != null && match.matches(),
        "'tools' entry '"
            + (text == null || text.length() > 200 ? "…" : text)
            + "' must be mcp:<server>/<tool> or mcp:<server>/*");
    return new Entry(match.group(1), match.group(2));
  }

  /** The name the model sees for a tool of a server: {@code mcp_<server>_<tool>}, sanitized. */
  public static String modelName(String server, String mcpToolName) {
    var full = MODEL_PREFIX + server + "_" + OTHER.matcher(mcpToolName).replaceAll("_");
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    return full.substring(0, MAX_LENGTH - 9) + "_" + sha256Hex(server + "/" + mcpToolName, 8);
  }

  /** The server a model-facing name belongs to, or null if it is not an MCP tool's name. */
  public static String serverOf(String modelName) {
    if (modelName == null || !modelName.startsWith(MODEL_PREFIX)) {
      return null;
    }
    var end = modelName.indexOf('_', MODEL_PREFIX.length());
    return end <= MODEL_PREFIX.length() ? null : modelName.substring(MODEL_PREFIX.length(), end);
  }

  private static String sha256Hex(String text, int digits) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, digits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
