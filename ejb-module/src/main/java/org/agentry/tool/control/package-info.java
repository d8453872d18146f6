/**
 * The tool SPI and the built-in tools. A {@link org.agentry.tool.control.Tool} is a CDI bean with a
 * LangChain4j {@code ToolSpecification} (name, description, JSON schema of its arguments) and an
 * {@code execute} method; {@link org.agentry.tool.control.ToolInvoker} finds tools by name, checks
 * the agent may use them and turns every failure into an error the model can read.
 *
 * <p>File tools are confined to the agent's workspace, {@code <data dir>/workspaces/<agent>}. Every
 * call is held to {@link org.agentry.tool.control.ToolLimits} (output size, calls per response, a
 * deadline); {@code write_file} and {@code list_dir} have quotas of their own. {@code shell} runs
 * allowed programs in the workspace with a scrubbed environment and a deadline that kills the
 * process tree; it is not a sandbox (no limit on the file system outside the workspace, the
 * network, CPU or memory).
 *
 * <p>{@code http_fetch} reaches the network only through {@link
 * org.agentry.tool.control.HttpFetchGuard}, which refuses internal addresses and pins the
 * connection to the address it checked; it does not replace an egress firewall.
 */
package org.agentry.tool.control;
