package org.agentry.payload.control;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;

/**
 * Writes and reads {@link Envelope}s and {@link Envelopes} as XML with one JAXB context, made once
 * (making one is slow; contexts are thread-safe, marshallers are not). Reading goes through the
 * secured parser of this package: no DTDs, no external entities.
 */
public final class EnvelopeXml {

  private static final JAXBContext CONTEXT = context();

  private EnvelopeXml() {}

  /**
   * An envelope or a list of them as an XML document (UTF-8, no XML declaration).
   *
   * @throws IllegalStateException if JAXB fails, which it does not for these classes
   */
  public static String write(Object envelopeOrList) {
    try {
      var marshaller = CONTEXT.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
      var out = new StringWriter();
      marshaller.marshal(envelopeOrList, out);
      return out.toString();
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot write an envelope", e);
    }
  }

  /**
   * Reads one envelope.
   *
   * @throws InvalidPayloadException ({@code XML_NOT_WELL_FORMED}, {@code XML_DOCTYPE_REFUSED} or
   *     {@code XML_INVALID}) if the text is not an envelope
   */
  public static Envelope read(String xml) {
    try {
      var source = new SAXSource(SecureXml.reader(), new InputSource(new StringReader(xml)));
      var value = CONTEXT.createUnmarshaller().unmarshal(source);
      if (value instanceof Envelope envelope) {
        return envelope;
      }
      throw new InvalidPayloadException(
          InvalidPayloadException.Reason.XML_INVALID,
          new XmlProblem(-1, -1, "the root element must be {" + Envelope.NAMESPACE + "}envelope"));
    } catch (JAXBException e) {
      var cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
      var message = cause != null ? cause.getMessage() : e.getMessage();
      var reason =
          String.valueOf(message).contains("DOCTYPE")
              ? InvalidPayloadException.Reason.XML_DOCTYPE_REFUSED
              : InvalidPayloadException.Reason.XML_NOT_WELL_FORMED;
      var problem =
          cause instanceof org.xml.sax.SAXParseException parse
              ? XmlProblem.of(parse)
              : new XmlProblem(-1, -1, String.valueOf(message));
      throw new InvalidPayloadException(reason, problem);
    }
  }

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(Envelope.class, Envelopes.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot make the envelopes' JAXB context", e);
    }
  }
}
