/**
 * The launcher that turns the application into a running Payara Micro server: it reads Agentry's
 * settings from system properties and environment variables, prepares the data directory (broker
 * configuration, post-boot commands), and boots Payara Micro in the same JVM with the ActiveMQ
 * resource adapter and the application.
 */
package org.agentry.server;
