/** {@code /api/v1/dispatch}: the dispatch state, pause and resume. */
package org.agentry.dispatch.rest;
