package org.agentry.tool.control;

import java.util.List;

/**
 * Tools that come from outside the server's own beans, named by entries of an agent's {@code tools}
 * that the source owns (MCP servers: {@code mcp:<server>/<tool>}). {@link ToolInvoker} asks each
 * source (CDI beans) for the tools an agent's entries give, and for the tool behind a call's name;
 * the calls then go the way of built-in tools (limits, recording, approvals, recovery).
 */
public interface ToolSource {

  /** Whether an entry of an agent's {@code tools} is this source's. */
  boolean owns(String entry);

  /**
   * Checks the source's entries of an agent being created or changed.
   *
   * @param entries entries this source {@link #owns}
   * @throws org.agentry.platform.entity.InvalidInputException naming the entry that is malformed or
   *     names nothing known
   */
  void check(List<String> entries);

  /**
   * The tools the entries give now, for the model's list; a part of the source that cannot be
   * reached gives none (and is logged), so that a run can go on without it.
   */
  List<Tool> tools(List<String> entries);

  /**
   * The tool behind a name the model called, if the entries give it; it may fail when run (the
   * source went away since).
   *
   * @return the tool, or null when the name is not this source's or the entries do not cover it
   */
  Tool find(String name, List<String> entries);
}
