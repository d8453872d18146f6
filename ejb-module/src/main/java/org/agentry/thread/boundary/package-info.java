/**
 * Threads, xml-pipeline's name for sessions: injecting a message into a thread (which starts the
 * addressed agent's run on it as a task) and killing a thread with its tasks. A thread is a {@code
 * session} row, its messages are the session's messages; this feature adds no store of its own.
 * Reading threads is {@code session.boundary.Sessions}'.
 */
package org.agentry.thread.boundary;
