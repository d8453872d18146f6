/**
 * Sessions (threads): the ordered messages of a conversation with one agent — user input, assistant
 * replies with their tool calls, and tool results. A killed session takes no more turns.
 */
package org.agentry.session.entity;
