/** Per-agent memory, kept in the database, as the memory tools use it. */
package org.agentry.tool.boundary;
