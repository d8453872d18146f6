/**
 * OpenTelemetry traces of the run path, following the OpenTelemetry semantic conventions for
 * generative AI: a span per task run ({@code invoke_agent}), per model call ({@code chat}) and per
 * tool call ({@code execute_tool}), in the trace of the HTTP request that submitted the task. The
 * platform's MicroProfile Telemetry provides the SDK and the export; with it off (the default)
 * every span is a no-op.
 */
package org.agentry.telemetry.control;
