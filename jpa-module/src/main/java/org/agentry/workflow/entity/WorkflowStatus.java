package org.agentry.workflow.entity;

import java.util.Locale;

/** The state of a workflow run or of one of its nodes; only {@link #RUNNING} is not final. */
public enum WorkflowStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The name the API uses, e.g. {@code completed}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status an API name stands for.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static WorkflowStatus fromApiName(String name) {
    for (var status : values()) {
      if (status.apiName().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "'status' must be one of running, completed, failed, cancelled.");
  }
}
