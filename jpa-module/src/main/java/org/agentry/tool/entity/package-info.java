/** Tool calls made by agents (arguments, result, duration, error) and agents' memory entries. */
package org.agentry.tool.entity;
