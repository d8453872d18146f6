package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.tenant.entity.Tenants;

/**
 * What one run of the agent loop starts from, read once when the run begins.
 *
 * @param tenant the agent's tenant
 * @param agent the agent's name
 * @param spec the agent's definition, with a task's own limits already applied
 * @param model the provider's model for this agent, with its prices
 * @param sessionId the session the run writes to
 * @param history the session's stored messages before this run, oldest first, as the model gets
 *     them ({@link Transcript#toChatMessages}, repairs included)
 * @param input the new user message to send after the history, or null when the history already
 *     ends with what the model should answer (a resumed task)
 * @param taskId the task the run belongs to, or null for a chat turn
 * @param workspace the agent's workspace directory for file tools
 * @param payload what the run does with the agent's typed XML payload, or null for an agent without
 *     one
 * @param approved a tool call of the history's last model reply that a person approved: the run
 *     runs it first, without asking again; null when there is none
 * @param delegates the other agents it may call as tools, with the limits that apply
 * @param json the JSON Schema the final answer must match (a task's {@code responseSchema}), or
 *     null for free text; it replaces the payload's output check
 */
public record RunContext(
    String tenant,
    String agent,
    AgentSpec spec,
    ProviderModel model,
    String sessionId,
    List<ChatMessage> history,
    String input,
    String taskId,
    Path workspace,
    PayloadCheck payload,
    ToolExecutionRequest approved,
    Delegates delegates,
    JsonOutput json) {

  public RunContext {
    history = List.copyOf(history);
    delegates = delegates == null ? Delegates.NONE : delegates;
  }

  /** A context of the default tenant without a payload check (see {@link #withPayload}). */
  public RunContext(
      String agent,
      AgentSpec spec,
      ProviderModel model,
      String sessionId,
      List<ChatMessage> history,
      String input,
      String taskId,
      Path workspace) {
    this(Tenants.DEFAULT, agent, spec, model, sessionId, history, input, taskId, workspace);
  }

  /** A context without a payload check (see {@link #withPayload}). */
  public RunContext(
      String tenant,
      String agent,
      AgentSpec spec,
      ProviderModel model,
      String sessionId,
      List<ChatMessage> history,
      String input,
      String taskId,
      Path workspace) {
    this(
        tenant, agent, spec, model, sessionId, history, input, taskId, workspace, null, null, null,
        null);
  }

  /**
   * The same context resuming with an approved tool call.
   *
   * @param history the history without a stand-in result for the call
   */
  public RunContext withApproved(List<ChatMessage> history, ToolExecutionRequest call) {
    return new RunContext(
        tenant, agent, spec, model, sessionId, history, input, taskId, workspace, payload, call,
        delegates, json);
  }

  /**
   * The same context with this payload check. When the history already ends with the payload (a
   * message injected into a thread, or a task run again after its node died), that message is
   * framed for the model as a new input would be.
   */
  public RunContext withPayload(PayloadCheck check) {
    var framed = history;
    if (input == null
        && !history.isEmpty()
        && history.get(history.size() - 1) instanceof UserMessage last
        && last.hasSingleText()
        && check.isPayload(last.singleText())) {
      framed = new ArrayList<>(history.subList(0, history.size() - 1));
      framed.add(UserMessage.from(check.prompt(last.singleText())));
    }
    return new RunContext(
        tenant, agent, spec, model, sessionId, framed, input, taskId, workspace, check, approved,
        delegates, json);
  }

  /** The same context with these delegates. */
  public RunContext withDelegates(Delegates others) {
    return new RunContext(
        tenant, agent, spec, model, sessionId, history, input, taskId, workspace, payload, approved,
        others, json);
  }

  /** The same context with a final answer that must match this schema. */
  public RunContext withJson(JsonOutput output) {
    return new RunContext(
        tenant, agent, spec, model, sessionId, history, input, taskId, workspace, payload, approved,
        delegates, output);
  }

  /** What the final answer is checked against: the response schema, else the payload, or null. */
  public OutputCheck output() {
    return json != null ? json : payload;
  }

  /**
   * The first user message of the run: the input, framed for the model when it is a payload, and
   * followed by the response schema when the provider takes no response format.
   */
  public String userMessage() {
    var message = input == null || payload == null ? input : payload.prompt(input);
    return message == null || json == null || model.responseFormats()
        ? message
        : message + json.instruction();
  }

  /** Whether the run belongs to a task (and may wait for a person's answer). */
  public boolean inTask() {
    return taskId != null;
  }
}
