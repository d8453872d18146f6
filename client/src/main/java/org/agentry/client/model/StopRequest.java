package org.agentry.client.model;

/**
 * Body of {@code POST /api/v1/organism/stop}.
 *
 * @param deadlineSeconds s to let running tasks finish, 0 to the server's maximum; null for 30
 */
public record StopRequest(Integer deadlineSeconds) {}
