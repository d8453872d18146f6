-- Typed XML payloads: an agent may declare the root element of its input, an XML Schema (XSD) the
-- input must satisfy, and optionally the element its final answer must be (in the same schema).
ALTER TABLE agent ADD COLUMN payload_element VARCHAR(255);
ALTER TABLE agent ADD COLUMN payload_output_element VARCHAR(255);
ALTER TABLE agent ADD COLUMN payload_schema TEXT;
