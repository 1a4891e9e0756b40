package org.mdmatrials.source.isrctn;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.XmlInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an {@code <allTrials>} response one {@code <fullTrial>} at a time, handing each to the
 * sink as soon as it is read: a trial that cannot be mapped is skipped and described; a response
 * that is not well-formed XML, declares a DOCTYPE, or has another root fails as a whole.
 *
 * <p>The payload of a trial is its {@code fullTrial} element written anew from the parser's events,
 * not the served bytes: the same elements, attributes, text, comments and CDATA sections, with the
 * namespace the root declared repeated on {@code fullTrial}, escapes written in one way and empty
 * elements written as start and end tag.
 */
final class AllTrialsReader {
  static final String NAMESPACE = "http://www.67bricks.com/isrctn";
  private static final String ROOT = "allTrials";
  private static final String TRIAL = "fullTrial";
  private static final int MAX_DEPTH = 64;
  private static final Logger log = LoggerFactory.getLogger(AllTrialsReader.class);

  private final XMLInputFactory inputs = XmlInputs.safe();
  private final XMLOutputFactory outputs = XMLOutputFactory.newDefaultFactory();
  private final LocalDate today;

  /** How a records response came out. */
  record Result(int totalCount, int received, int skipped) {}

  /**
   * @param today the day recruitment dates are compared with
   */
  AllTrialsReader(LocalDate today) {
    this.today = today;
    outputs.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
  }

  /** The {@code totalCount} of a response asked with {@code limit=0}; any trials are ignored. */
  int totalCount(Reader body, String url) throws IOException {
    return read(body, url, null).totalCount();
  }

  /** Reads every {@code fullTrial}, handing each to {@code sink} as it is read. */
  Result read(Reader body, String url, HarvestSink sink) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = inputs.createXMLStreamReader(body);
      int totalCount = root(xml, url);
      int position = 0;
      int skipped = 0;
      while (xml.next() != XMLStreamConstants.END_ELEMENT) {
        if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (sink == null || !TRIAL.equals(xml.getLocalName())) {
          skipElement(xml);
          continue;
        }
        position++;
        if (!handOn(capture(xml, url), position, sink)) {
          skipped++;
        }
      }
      while (xml.hasNext()) {
        xml.next(); // lets the parser refuse anything but comments after the root
      }
      return new Result(totalCount, position, skipped);
    } catch (XMLStreamException e) {
      throw new MalformedResponseException(
          url, "not well-formed XML: " + e.getMessage().replaceAll("\\s+", " "), e);
    } finally {
      close(xml);
    }
  }

  /** Reads up to the root element and returns its {@code totalCount}. */
  private static int root(XMLStreamReader xml, String url)
      throws XMLStreamException, MalformedResponseException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new MalformedResponseException(
            url, "the response declares a DOCTYPE, which is refused (the ISRCTN API sends none)");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (!ROOT.equals(xml.getLocalName()) || !NAMESPACE.equals(xml.getNamespaceURI())) {
          throw new MalformedResponseException(
              url,
              "expected the root <allTrials> in namespace "
                  + NAMESPACE
                  + " but was <"
                  + xml.getLocalName()
                  + "> in "
                  + (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty()
                      ? "no namespace"
                      : xml.getNamespaceURI()));
        }
        return totalCount(xml.getAttributeValue(null, "totalCount"), url);
      }
    }
    throw new MalformedResponseException(url, "no root element");
  }

  private static int totalCount(String value, String url) throws MalformedResponseException {
    if (value == null || !value.strip().matches("\\d{1,9}")) {
      throw new MalformedResponseException(
          url,
          "expected a count in <allTrials totalCount> but was "
              + (value == null ? "none" : "\"" + value + "\""));
    }
    return Integer.parseInt(value.strip());
  }

  /** Maps one trial and hands it on, or hands on why it was skipped; true when handed on. */
  private boolean handOn(Captured captured, int position, HarvestSink sink) throws IOException {
    Trial trial;
    try {
      trial = FullTrialMapper.toTrial(captured.element(), today);
    } catch (MalformedRecordException e) {
      SkippedRecord skipped =
          new SkippedRecord(
              IsrctnModule.REGISTRY,
              FullTrialMapper.idOrNull(captured.element()),
              1,
              position,
              "/" + ROOT + "/" + TRIAL + "[" + position + "]/" + e.path(),
              e.problem());
      log.warn("Skipped {}", skipped);
      sink.skipped(skipped);
      return false;
    }
    sink.accept(trial, Payload.of(captured.payload()));
    return true;
  }

  private record Captured(XmlElement element, String payload) {}

  /**
   * Reads the element the parser is on, with everything inside it, into memory and into text;
   * leaves the parser on its end tag.
   */
  private Captured capture(XMLStreamReader xml, String url)
      throws XMLStreamException, MalformedResponseException {
    StringWriter payload = new StringWriter();
    XMLStreamWriter out = outputs.createXMLStreamWriter(payload);
    Deque<XmlElement.Builder> open = new ArrayDeque<>();
    XmlElement top = null;
    while (top == null) {
      switch (xml.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() + 2 > MAX_DEPTH) {
            throw new MalformedResponseException(
                url, "elements nested deeper than " + MAX_DEPTH + " levels");
          }
          open.push(startElement(xml, out));
        }
        case XMLStreamConstants.END_ELEMENT -> {
          out.writeEndElement();
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            top = done;
          } else {
            open.element().child(done);
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
          open.element().text(xml.getText());
          out.writeCharacters(xml.getText());
        }
        case XMLStreamConstants.CDATA -> {
          open.element().text(xml.getText());
          out.writeCData(xml.getText());
        }
        case XMLStreamConstants.COMMENT -> out.writeComment(xml.getText());
        case XMLStreamConstants.PROCESSING_INSTRUCTION -> processingInstruction(xml, out);
        default -> {}
      }
      if (top == null) {
        xml.next();
      }
    }
    out.close();
    return new Captured(top, payload.toString());
  }

  private static XmlElement.Builder startElement(XMLStreamReader xml, XMLStreamWriter out)
      throws XMLStreamException {
    String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
    String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
    out.writeStartElement(prefix, xml.getLocalName(), namespace);
    for (int i = 0; i < xml.getNamespaceCount(); i++) {
      // Declarations as served, used or not; the writer adds those declared above fullTrial.
      String declared = xml.getNamespacePrefix(i);
      if (declared == null || declared.isEmpty()) {
        out.writeDefaultNamespace(xml.getNamespaceURI(i));
      } else {
        out.writeNamespace(declared, xml.getNamespaceURI(i));
      }
    }
    XmlElement.Builder element = new XmlElement.Builder(xml.getLocalName());
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String attributeNamespace = xml.getAttributeNamespace(i);
      if (attributeNamespace == null || attributeNamespace.isEmpty()) {
        out.writeAttribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
      } else {
        out.writeAttribute(
            xml.getAttributePrefix(i),
            attributeNamespace,
            xml.getAttributeLocalName(i),
            xml.getAttributeValue(i));
      }
      element.attribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    return element;
  }

  private static void processingInstruction(XMLStreamReader xml, XMLStreamWriter out)
      throws XMLStreamException {
    if (xml.getPIData() == null) {
      out.writeProcessingInstruction(xml.getPITarget());
    } else {
      out.writeProcessingInstruction(xml.getPITarget(), xml.getPIData());
    }
  }

  /** Passes over the element the parser is on, leaving it on its end tag. */
  private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void close(XMLStreamReader xml) {
    if (xml == null) {
      return;
    }
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Closing only frees the parser; the response body is closed by the caller.
    }
  }
}
