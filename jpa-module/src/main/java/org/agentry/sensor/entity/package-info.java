/**
 * Events from outside (sensors), each kept once per sensor and dedupe key, with the task it made.
 */
package org.agentry.sensor.entity;
