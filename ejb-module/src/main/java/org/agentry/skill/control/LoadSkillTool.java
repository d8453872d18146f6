package org.agentry.skill.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.stream.Collectors;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.skill.boundary.Skills;
import org.agentry.skill.entity.Skill;
import org.agentry.tool.control.Tool;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolException;
import org.agentry.tool.control.ToolInvoker;

/**
 * {@code load_skill {name, file?}}: gives the model a skill's {@code SKILL.md} (with the list of
 * its other files) or one of those files. Offered to every agent that lists skills; its description
 * lists the names and descriptions of the agent's skills that exist, read when the run begins —
 * nothing more of a skill reaches the model until it is loaded. A skill the agent does not list, or
 * that does not exist (any more), is a tool error.
 */
@ApplicationScoped
public class LoadSkillTool implements Tool {

  @Inject Skills skills;

  @Override
  public ToolSpecification specification() {
    return spec("Loads one of your skills: its instructions, or one of its files.");
  }

  @Override
  public ToolSpecification specificationFor(AgentSpec agent) {
    var listed =
        skills.list().stream()
            .filter(s -> agent.skills().contains(s.getName()))
            .map(s -> "- " + s.getName() + ": " + s.getDescription())
            .collect(Collectors.joining("\n"));
    return spec(
        "Loads one of your skills: instructions for a kind of work. Load a skill when the work at"
            + " hand fits its description, then follow it. Your skills:\n"
            + (listed.isEmpty() ? "(none available)" : listed));
  }

  private static ToolSpecification spec(String description) {
    return ToolSpecification.builder()
        .name(ToolInvoker.LOAD_SKILL)
        .description(description)
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("name", "The skill's name")
                .addStringProperty(
                    "file", "A file of the skill to read instead of its SKILL.md, e.g. forms.md")
                .required("name")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var name = required(arguments);
    if (!context.skills().contains(name)) {
      throw new ToolException(
          "'"
              + name
              + "' is not one of your skills; yours: "
              + String.join(", ", context.skills()));
    }
    var file = arguments.get("file") instanceof JsonString path ? path.getString() : null;
    try {
      if (file != null) {
        return skills.file(name, file);
      }
      return render(skills.get(name));
    } catch (UnknownResourceException e) {
      throw new ToolException(
          file == null
              ? "there is no skill '" + name + "'"
              : "the skill '" + name + "' has no file '" + file + "'");
    }
  }

  private static String required(JsonObject arguments) throws ToolException {
    if (!(arguments.get("name") instanceof JsonString name)) {
      throw new ToolException("argument 'name' is required and must be a string");
    }
    return name.getString();
  }

  private static String render(Skill skill) {
    var files = skill.getFiles().keySet();
    if (files.isEmpty()) {
      return skill.getContent();
    }
    return skill.getContent()
        + "\n\n---\nFiles of this skill (load one with load_skill {\"name\": \""
        + skill.getName()
        + "\", \"file\": <path>}): "
        + String.join(", ", files);
  }
}
