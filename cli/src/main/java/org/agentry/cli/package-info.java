/**
 * The {@code agentry} command line: picocli commands over the Java client ({@code agents}, {@code
 * tasks}, {@code schedules}, {@code usage}), settings from flags, environment or a config file,
 * JSON or table output, and documented exit codes ({@link org.agentry.cli.AgentryCommand}).
 */
package org.agentry.cli;
