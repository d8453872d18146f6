package org.agentry.run.control;

import org.agentry.agent.entity.PayloadType;
import org.agentry.payload.control.InvalidPayloadException;
import org.agentry.payload.control.PayloadSchema;

/**
 * What a run of an agent with a typed XML payload does with it: the user message the model gets for
 * the payload, and — when the type names an output element — the check of the final answer and the
 * message that asks the model to repair it.
 *
 * @param type the agent's payload type
 * @param schema its compiled schema
 * @param maxRepairs how many times an invalid final answer is sent back to the model (0 or more)
 *     before the run stops with {@code output_invalid}
 */
public record PayloadCheck(PayloadType type, PayloadSchema schema, int maxRepairs)
    implements OutputCheck {

  /**
   * The user message for an XML payload: what it is, the schema's {@code xs:documentation}, the
   * payload itself and, with an output element, the schema and the answer's required form.
   */
  public String prompt(String xml) {
    var text = new StringBuilder();
    text.append("The input is an XML <")
        .append(type.element())
        .append("> document, valid against the agent's XML Schema.\n");
    if (!schema.documentation().isEmpty()) {
      text.append("\nSchema documentation:\n").append(schema.documentation()).append('\n');
    }
    text.append("\nPayload:\n").append(xml.strip()).append('\n');
    if (type.outputElement() != null) {
      text.append("\nAnswer with exactly one XML <")
          .append(type.outputElement())
          .append("> element that is valid against this schema, and nothing else:\n")
          .append(type.schema().strip())
          .append('\n');
    }
    return text.toString();
  }

  /** Whether the text is a valid payload of the type (its input element). */
  public boolean isPayload(String text) {
    try {
      schema.validate(text, type.element());
      return true;
    } catch (InvalidPayloadException e) {
      return false;
    }
  }

  /**
   * Checks a final answer against the output element; an answer in one Markdown code fence is taken
   * from inside it.
   *
   * @return null when the answer is valid or no output element is declared, else what is wrong
   */
  @Override
  public String refusal(String answer) {
    if (type.outputElement() == null) {
      return null;
    }
    try {
      schema.validate(unfenced(answer), type.outputElement());
      return null;
    } catch (InvalidPayloadException e) {
      return e.getMessage();
    }
  }

  /** The message that sends an invalid answer back to the model. */
  @Override
  public String repairPrompt(String refusal) {
    return "Your answer is not a valid <"
        + type.outputElement()
        + "> element: "
        + refusal
        + "\nAnswer again with only the corrected XML element.";
  }

  @Override
  public String expected() {
    return "a valid <" + type.outputElement() + "> element";
  }

  /** The answer without surrounding whitespace or one enclosing Markdown code fence. */
  static String unfenced(String answer) {
    var text = answer == null ? "" : answer.strip();
    if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
      int firstLine = text.indexOf('\n');
      if (firstLine > 0) {
        return text.substring(firstLine + 1, text.length() - 3).strip();
      }
    }
    return text;
  }
}
