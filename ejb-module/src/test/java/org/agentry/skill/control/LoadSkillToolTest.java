package org.agentry.skill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.skill.boundary.Skills;
import org.agentry.skill.entity.Skill;
import org.agentry.skill.entity.SkillSource;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolException;
import org.agentry.tool.control.ToolInvoker;
import org.junit.jupiter.api.Test;

class LoadSkillToolTest {

  private static Skill skill(String name, Map<String, String> files) {
    var md = "---\nname: " + name + "\ndescription: About " + name + ".\n---\nSecret body " + name;
    return new Skill(SkillMarkdown.definition(md, files), SkillSource.API, Instant.EPOCH);
  }

  /** Two skills, {@code notes} (with a file) and {@code other}, without a database. */
  static final class TwoSkills extends Skills {
    final List<Skill> all =
        List.of(skill("notes", Map.of("style.md", "Be brief.")), skill("other", Map.of()));

    @Override
    public List<Skill> list() {
      return all;
    }

    @Override
    public Skill get(String name) {
      return all.stream()
          .filter(s -> s.getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new UnknownResourceException("skill", name));
    }

    @Override
    public String file(String name, String path) {
      var text = get(name).getFiles().get(path);
      if (text == null) {
        throw new UnknownResourceException("skill file", null);
      }
      return text;
    }
  }

  private final LoadSkillTool tool = new LoadSkillTool();
  private final AgentSpec agent =
      new AgentSpec(
          null,
          "p",
          "prov",
          "m",
          null,
          null,
          List.of(),
          null,
          true,
          null,
          null,
          null,
          List.of("notes", "gone"));

  LoadSkillToolTest() {
    tool.skills = new TwoSkills();
  }

  private String call(String arguments) throws ToolException {
    return tool.execute(
        new ToolContext("a", "s", "t", null, agent),
        Json.createReader(new StringReader(arguments)).readObject());
  }

  @Test
  void theModelSeesOnlyNamesAndDescriptionsOfTheAgentsSkills() {
    var description = tool.specificationFor(agent).description();
    assertTrue(description.contains("- notes: About notes."), description);
    assertFalse(description.contains("other"), description);
    assertFalse(description.contains("Secret body"), description);
    assertEquals(List.of("load_skill"), ToolInvoker.offeredTo(agent));
  }

  @Test
  void loadingGivesTheTextOrAFile() throws ToolException {
    var text = call("{\"name\":\"notes\"}");
    assertTrue(text.contains("Secret body notes"), text);
    assertTrue(text.contains("style.md"), text);
    assertEquals("Be brief.", call("{\"name\":\"notes\",\"file\":\"style.md\"}"));
  }

  @Test
  void aSkillTheAgentDoesNotListOrThatIsGoneIsAToolError() {
    var unlisted = assertThrows(ToolException.class, () -> call("{\"name\":\"other\"}"));
    assertEquals("'other' is not one of your skills; yours: notes, gone", unlisted.getMessage());
    var gone = assertThrows(ToolException.class, () -> call("{\"name\":\"gone\"}"));
    assertEquals("there is no skill 'gone'", gone.getMessage());
    assertThrows(ToolException.class, () -> call("{\"name\":\"notes\",\"file\":\"x.md\"}"));
  }
}
