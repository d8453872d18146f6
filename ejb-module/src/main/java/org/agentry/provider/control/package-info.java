/**
 * Model providers: one chat-with-tools call, whatever the vendor. LangChain4j's low-level chat API
 * ({@code ChatModel}, {@code ChatRequest}, {@code ToolSpecification}) speaks the wire formats of
 * OpenAI-compatible endpoints, Ollama's native {@code /api/chat} and Anthropic Messages; {@link
 * org.agentry.provider.control.ScriptedChatModel} replays turns from configuration.
 *
 * <p>This package builds models ({@link org.agentry.provider.control.ChatModels}), calls them with
 * our own retry policy ({@link org.agentry.provider.control.ProviderCaller}), lists a provider's
 * models and prices usage. It does not run the agent loop, persist anything or hold secrets beyond
 * the settings it is handed; API keys never reach a log line or an exception message.
 */
package org.agentry.provider.control;
