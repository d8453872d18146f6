package org.agentry.client.model;

/**
 * Body of an approve or deny.
 *
 * @param comment at most 2,000 characters, or null
 */
public record Decision(String comment) {}
