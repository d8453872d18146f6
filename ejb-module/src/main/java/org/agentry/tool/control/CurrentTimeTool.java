package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code current_time}: now, as ISO-8601 with offset, in UTC or a given IANA time zone. */
@ApplicationScoped
public class CurrentTimeTool implements Tool {

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name("current_time")
        .description("Returns the current date and time as ISO-8601, e.g. 2026-01-31T09:30:00Z.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("timeZone", "IANA time zone, e.g. Europe/Paris; default UTC")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var zone = arguments.get("timeZone") instanceof JsonString s ? s.getString() : "UTC";
    try {
      return ZonedDateTime.now(ZoneId.of(zone)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      throw new ToolException("unknown time zone '" + zone + "'");
    }
  }
}
