/**
 * xml-pipeline's names over Agentry's sessions: {@code /api/v1/inject}, {@code /api/v1/threads} and
 * {@code /api/v1/messages}. A thread is a session; these endpoints are views of sessions and their
 * messages, plus inject (a message and a task) and kill (a session and its tasks).
 */
package org.agentry.thread.rest;
