/** {@code /api/v1/sessions}: sessions with their messages, usage and tool calls. */
package org.agentry.session.rest;
