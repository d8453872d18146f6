/**
 * {@code /api/v1/agents/{name}/tasks}, {@code /api/v1/tasks} and the server-sent event streams
 * {@code /api/v1/tasks/{id}/stream} and {@code /api/v1/stream}.
 */
package org.agentry.task.rest;
