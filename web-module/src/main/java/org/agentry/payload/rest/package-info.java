/**
 * The HTTP side of typed XML payloads: the problems a refused payload or schema gets (422, with the
 * line, column and validator message as extension members) and the media type constants.
 */
package org.agentry.payload.rest;
