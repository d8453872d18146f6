/**
 * Tool calls made by agents (arguments, result, duration, error), agents' memory entries and the
 * todo lists of tasks and chat sessions.
 */
package org.agentry.tool.entity;
