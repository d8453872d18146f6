/** The goal feature's transactional facade: submit, read, list and cancel goals. */
package org.agentry.goal.boundary;
