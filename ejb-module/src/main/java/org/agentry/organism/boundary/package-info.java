/**
 * The server as a whole (the "organism"), for operators: what it is and how busy (nodes, uptime,
 * counts of agents, sessions, tasks and messages), its effective settings without secrets, a reload
 * of what can change at run time, and a graceful drain of this node. It owns no state of its own:
 * it reads and drives other features.
 */
package org.agentry.organism.boundary;
