/** Token generation and hashing, and the bootstrap admin token. */
package org.agentry.security.control;
