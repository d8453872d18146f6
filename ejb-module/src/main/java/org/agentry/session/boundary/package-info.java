/** Sessions (threads) and their messages: listing, reading, deleting and killing them. */
package org.agentry.session.boundary;
