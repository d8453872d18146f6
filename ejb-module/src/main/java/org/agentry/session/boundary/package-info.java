/**
 * Sessions (threads) and their messages: listing, reading, deleting and killing them, and the short
 * transactions in which the agent loop appends to them.
 */
package org.agentry.session.boundary;
