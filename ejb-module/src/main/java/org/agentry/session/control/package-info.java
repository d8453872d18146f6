/** Writing a session's messages. */
package org.agentry.session.control;
