/**
 * Model providers: one chat-with-tools call, whatever the vendor. LangChain4j's low-level chat API
 * ({@code ChatModel}, {@code ChatRequest}, {@code ToolSpecification}) speaks the wire formats of
 * OpenAI-compatible endpoints, Ollama's native {@code /api/chat} and Anthropic Messages; {@link
 * org.agentry.provider.control.ScriptedChatModel} replays turns from configuration.
 *
 * <p>This package builds models ({@link org.agentry.provider.control.ChatModels}), calls them with
 * our own retry policy ({@link org.agentry.provider.control.ProviderCaller}), lists a provider's
 * models and prices usage, and seals and opens providers' API keys for storage ({@link
 * org.agentry.provider.control.ProviderKeys}). It does not run the agent loop or persist anything;
 * API keys never reach a log line or an exception message, and an error document that quotes the
 * key it was sent has it masked.
 */
package org.agentry.provider.control;
