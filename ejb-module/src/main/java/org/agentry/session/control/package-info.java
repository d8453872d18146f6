/**
 * Writing a session's messages, and reading the bounded part of its history a run sends to the
 * model ({@link org.agentry.session.control.SessionHistory}).
 */
package org.agentry.session.control;
