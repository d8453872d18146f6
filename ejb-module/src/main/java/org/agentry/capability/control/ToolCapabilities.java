package org.agentry.capability.control;

import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agentry.tool.control.ToolInvoker;

/** The built-in tools, as their specifications describe them to models. */
@ApplicationScoped
public class ToolCapabilities implements CapabilitySource {

  @Inject ToolInvoker tools;

  @Override
  public String kind() {
    return "tool";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Capability> capabilities() {
    var list = new ArrayList<Capability>();
    for (var spec : tools.specifications(List.copyOf(tools.names()))) {
      var parameters =
          spec.parameters() != null ? spec.parameters() : JsonObjectSchema.builder().build();
      Map<String, Object> schema = JsonSchemaElementUtils.toMap(parameters);
      list.add(
          new Capability(
              spec.name(),
              kind(),
              spec.description(),
              schema,
              ExampleInput.of(schema),
              null,
              null,
              null));
    }
    return list;
  }
}
