/**
 * Speculative answers: the background task that works out the full answer to a chat message a fast
 * model already answered, and its follow-up event. Not the chat turn itself ({@code run}).
 */
package org.agentry.speculation.control;
