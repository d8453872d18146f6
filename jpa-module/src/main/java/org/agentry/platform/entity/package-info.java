/** Persistence conventions shared by every feature's entities, such as how instants are stored. */
package org.agentry.platform.entity;
