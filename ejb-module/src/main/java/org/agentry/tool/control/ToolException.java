package org.agentry.tool.control;

/** A tool call that cannot be done; the message goes back to the model as the tool's error. */
public class ToolException extends Exception {

  public ToolException(String message) {
    super(message, null, false, false);
  }

  /** The string argument {@code name}, which must be present. */
  static String requiredString(jakarta.json.JsonObject arguments, String name)
      throws ToolException {
    var value = arguments.get(name);
    if (!(value instanceof jakarta.json.JsonString text)) {
      throw new ToolException("argument '" + name + "' is required and must be a string");
    }
    return text.getString();
  }
}
