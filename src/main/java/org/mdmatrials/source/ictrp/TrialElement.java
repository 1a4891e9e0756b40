package org.mdmatrials.source.ictrp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one record element of an XML export, its fields and its payload, leaving the parser on its
 * end tag. Every field is a flat text element; one holding an element, or a record that is not a
 * {@code <Trial>}, is read to its end and marked malformed rather than failing the file.
 */
final class TrialElement {
  private final StringBuilder payload = new StringBuilder();
  private final Map<String, StringBuilder> fields = new LinkedHashMap<>();
  private @Nullable String pendingTag;
  private ExportRecord.@Nullable Malformed malformed;

  private TrialElement() {}

  /**
   * @param trialId told the record's TrialID once it is read, for a message should the file break
   *     later in the record
   */
  static ExportRecord read(XMLStreamReader xml, int position, long line, Consumer<String> trialId)
      throws XMLStreamException {
    TrialElement element = new TrialElement();
    String name = xml.getLocalName();
    if (!XmlExport.TRIAL.equals(name)) {
      element.malformed =
          new ExportRecord.Malformed("*", "a <" + XmlExport.TRIAL + "> element", "<" + name + ">");
    }
    element.readFrom(xml, trialId);
    Map<String, String> texts = new LinkedHashMap<>();
    element.fields.forEach((field, text) -> texts.put(field, text.toString()));
    return new ExportRecord(position, line, texts, element.payload.toString(), element.malformed);
  }

  private void readFrom(XMLStreamReader xml, Consumer<String> trialId) throws XMLStreamException {
    start(xml);
    int depth = 1;
    String field = null;
    StringBuilder text = new StringBuilder();
    while (depth > 0) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          start(xml);
          if (depth == 2) {
            field = xml.getLocalName();
            text = new StringBuilder();
          } else if (malformed == null && field != null) {
            malformed =
                new ExportRecord.Malformed(
                    field, "text", "the element <" + xml.getLocalName() + ">");
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          end(xml);
          if (depth == 2 && field != null) {
            add(field, text);
            if (field.equals("TrialID")) {
              trialId.accept(text.toString().strip());
            }
            field = null;
          }
          depth--;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
          text(xml.getText());
          if (depth >= 2) {
            text.append(xml.getText());
          }
        }
        case XMLStreamConstants.COMMENT -> {
          closePending(">");
          payload.append("<!--").append(xml.getText()).append("-->");
        }
        default -> {}
      }
    }
  }

  /** A field given twice: both kept, apart as the export parts several values. */
  private void add(String field, StringBuilder text) {
    StringBuilder before = fields.get(field);
    if (before == null) {
      fields.put(field, text);
    } else {
      before.append("<br>").append(text);
    }
  }

  private void start(XMLStreamReader xml) {
    closePending(">");
    StringBuilder tag =
        new StringBuilder("<").append(qualified(xml.getPrefix(), xml.getLocalName()));
    for (int i = 0; i < xml.getNamespaceCount(); i++) {
      String prefix = xml.getNamespacePrefix(i);
      tag.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix)
          .append("=\"")
          .append(escape(xml.getNamespaceURI(i), true))
          .append('"');
    }
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      tag.append(' ')
          .append(qualified(xml.getAttributePrefix(i), xml.getAttributeLocalName(i)))
          .append("=\"")
          .append(escape(xml.getAttributeValue(i), true))
          .append('"');
    }
    pendingTag = tag.toString();
  }

  private void end(XMLStreamReader xml) {
    if (pendingTag != null) {
      closePending("/>");
    } else {
      payload.append("</").append(qualified(xml.getPrefix(), xml.getLocalName())).append('>');
    }
  }

  private void text(String value) {
    closePending(">");
    payload.append(escape(value, false));
  }

  private void closePending(String close) {
    if (pendingTag != null) {
      payload.append(pendingTag).append(close);
      pendingTag = null;
    }
  }

  private static String qualified(@Nullable String prefix, String name) {
    return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
  }

  /** Escaped as ICTRP escapes: markup characters, and carriage returns as a character reference. */
  private static String escape(@Nullable String value, boolean attribute) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#x0D;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#x0A;" : "\n");
        case '\t' -> out.append(attribute ? "&#x09;" : "\t");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
