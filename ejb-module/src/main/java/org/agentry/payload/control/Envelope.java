package org.agentry.payload.control;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A message between agents (or between a person and an agent) as XML, after the envelopes of
 * xml-pipeline's AgentServer: who sent it, to whom, in which thread, what type its payload is, and
 * the payload. Bound with Jakarta XML Binding 4; read and write it with {@link EnvelopeXml}.
 *
 * <pre>{@code
 * <envelope xmlns="urn:agentry:envelope:1" id="42" createdAt="2026-12-01T06:00:00Z">
 *   <from>user</from><to>orders</to><thread>…session id…</thread>
 *   <payloadType>order</payloadType>
 *   <payload><order xmlns="">…</order></payload>
 * </envelope>
 * }</pre>
 */
@XmlRootElement(name = "envelope")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"from", "to", "thread", "payloadType", "payload"})
public class Envelope {

  /** The XML namespace of envelopes. */
  public static final String NAMESPACE = "urn:agentry:envelope:1";

  /** The payload type of a payload that is plain text, not an XML element. */
  public static final String TEXT = "text";

  @XmlAttribute private Long id;

  /** ISO-8601 instant, e.g. {@code 2026-12-01T06:00:00Z}. */
  @XmlAttribute private String createdAt;

  @XmlElement(required = true)
  private String from;

  @XmlElement(required = true)
  private String to;

  @XmlElement private String thread;

  @XmlElement(required = true)
  private String payloadType;

  @XmlElement(required = true)
  private Payload payload;

  protected Envelope() {}

  /**
   * An envelope.
   *
   * @param from the sender: an agent's name, {@code user}, or {@code tool:<name>}
   * @param to the receiver, in the same terms
   * @param thread the thread (a session id), or null
   * @param payload the payload; its {@link Payload#type()} is the envelope's payload type
   */
  public Envelope(String from, String to, String thread, Payload payload) {
    this.from = from;
    this.to = to;
    this.thread = thread;
    this.payload = payload;
    this.payloadType = payload.type();
  }

  /** The same envelope with the stored message's id and creation instant (ISO-8601). */
  public Envelope stamped(long id, String createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    return this;
  }

  public Long getId() {
    return id;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getThread() {
    return thread;
  }

  /** The payload's root element's local name, or {@value #TEXT}. */
  public String getPayloadType() {
    return payloadType;
  }

  public Payload getPayload() {
    return payload;
  }
}
