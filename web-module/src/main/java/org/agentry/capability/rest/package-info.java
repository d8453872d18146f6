/** {@code /api/v1/capabilities}: what can be called (tools, agents), for operators. */
package org.agentry.capability.rest;
