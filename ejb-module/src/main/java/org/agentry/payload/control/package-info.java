/**
 * Typed XML payloads: compiling an agent's XML Schema, validating XML payloads against it with line
 * and column, and the JAXB envelope of a message between agents. Every parser and validator here
 * refuses DTDs and never fetches an external entity, DTD or schema (no XXE, no entity expansion).
 * Storing payloads and answering HTTP is not done here.
 */
@XmlSchema(namespace = Envelope.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package org.agentry.payload.control;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
