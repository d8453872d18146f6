/**
 * Capabilities for operators: everything that can be called — built-in tools (by agents' models)
 * and agents (by tasks and chats) — with a description, the JSON Schema of its input and an example
 * input. Agents never see this list; their models get the tool specifications of their own tools.
 */
package org.agentry.capability.boundary;
