package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import org.agentry.platform.entity.Jsons;

/**
 * {@code ask_user}: in a background task, parks the task as {@code waiting} with the question;
 * {@code POST /api/v1/tasks/{id}/respond} answers it and the task goes on. The agent loop handles
 * the call itself; {@link #execute} runs only outside tasks, where it tells the model to ask in its
 * reply instead.
 */
@ApplicationScoped
public class AskUserTool implements Tool {

  /** The tool's name. */
  public static final String NAME = "ask_user";

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(NAME)
        .description(
            "Asks the user a question and waits for the answer, which comes back as this tool's"
                + " result. Use it only when you cannot go on without the user.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("question", "The question for the user")
                .required("question")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    throw new ToolException("ask_user works only in background tasks; ask in your reply instead");
  }

  /** The question of an {@code ask_user} call, or a stand-in when the arguments lack one. */
  public static String question(ToolExecutionRequest call) {
    try (var reader = Jsons.createReader(new StringReader(call.arguments()))) {
      if (reader.readObject().get("question") instanceof JsonString text) {
        return text.getString();
      }
    } catch (RuntimeException e) {
      // malformed arguments: fall through to the stand-in
    }
    return "(the agent asked for input without a question)";
  }
}
