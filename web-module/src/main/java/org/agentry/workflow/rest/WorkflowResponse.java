package org.agentry.workflow.rest;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.agentry.platform.entity.Jsons;
import org.agentry.workflow.entity.WorkflowDefinition;

/** A workflow as the API shows it; {@code version} is also its ETag. */
public record WorkflowResponse(
    String name,
    String description,
    JsonObject definition,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static WorkflowResponse of(WorkflowDefinition workflow) {
    return new WorkflowResponse(
        workflow.getName(),
        workflow.getDescription(),
        Jsons.createReader(workflow.getDefinition()).readObject(),
        workflow.getCreatedAt(),
        workflow.getUpdatedAt(),
        workflow.getVersion());
  }
}
