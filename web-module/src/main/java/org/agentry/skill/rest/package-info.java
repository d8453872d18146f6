/** {@code /api/v1/skills}: the skills registry over HTTP (viewers read, admins change). */
package org.agentry.skill.rest;
