/** {@code /api/v1/sensors/events}: outside events, deduplicated, optionally starting tasks. */
package org.agentry.sensor.rest;
