/**
 * {@code /api/v1/providers} (admins write, viewers read; API keys never shown) and {@code
 * /api/v1/models}.
 */
package org.agentry.provider.rest;
