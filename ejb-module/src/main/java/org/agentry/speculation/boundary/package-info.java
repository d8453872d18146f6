/** Starts the background task of a speculative chat turn. */
package org.agentry.speculation.boundary;
