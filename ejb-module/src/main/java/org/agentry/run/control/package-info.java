/**
 * The agent loop ({@link org.agentry.run.control.LoopRun}): model call, tool calls, repeat, until a
 * final answer, a limit, a cancel or a question for a person. It touches no database: what it
 * produces goes to a {@link org.agentry.run.control.StepRecorder}, and the chat models it calls
 * come from the cached {@link org.agentry.run.control.ModelFactory}. Also here: turning stored
 * messages into model messages and back ({@link org.agentry.run.control.Transcript}) and writing a
 * step into a session ({@link org.agentry.run.control.StepWriter}). Not here: tasks, leases and
 * queues ({@code dispatch}).
 */
package org.agentry.run.control;
