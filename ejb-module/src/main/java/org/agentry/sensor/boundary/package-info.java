/**
 * Sensor events: outside events posted to Agentry, deduplicated per sensor, each optionally
 * starting a task. A repeated event gets the first one's answer and starts nothing.
 */
package org.agentry.sensor.boundary;
