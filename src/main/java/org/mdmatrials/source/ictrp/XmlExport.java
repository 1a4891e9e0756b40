package org.mdmatrials.source.ictrp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.source.XmlInputs;

/**
 * The Search Portal's "Export results to XML" file: the root {@code <Trials_downloaded_from_ICTRP>}
 * holding one {@code <Trial>} per record, each field a flat text element matched by name (their
 * order and presence change from record to record and from year to year). A file whose last record
 * is complete but whose root is not closed is read as complete, as WHO's exports may stop so;
 * anything else that is not well-formed, or has another root, or a DOCTYPE, fails the whole file,
 * naming the line, the column and the record it broke in.
 *
 * <p>A record's payload is its {@code <Trial>} element written anew from the parser's events: the
 * same elements, attributes and text, escaped as ICTRP escapes (markup in text as entities,
 * carriage returns as character references).
 */
final class XmlExport implements Export {
  static final String ROOT = "Trials_downloaded_from_ICTRP";
  static final String TRIAL = "Trial";
  static final long MAX_RECORD_BYTES = 8L * 1024 * 1024;
  private static final XMLInputFactory INPUTS = XmlInputs.safe();

  private final Path file;
  private final boolean closeRoot;

  /**
   * @param closeRoot whether the file ends after a record without the root's end tag, which is then
   *     supplied
   */
  XmlExport(Path file, boolean closeRoot) {
    this.file = file;
    this.closeRoot = closeRoot;
  }

  @Override
  public String format() {
    return "XML";
  }

  @Override
  public String payload(List<ExportRecord> records) {
    if (records.size() == 1) {
      return records.get(0).payload();
    }
    StringBuilder all = new StringBuilder("<" + ROOT + ">\n");
    records.forEach(r -> all.append(r.payload()).append('\n'));
    return all.append("</").append(ROOT).append('>').toString();
  }

  @Override
  public void read(Handler handler) throws IOException {
    Reading reading = new Reading();
    try (BoundedInput in = new BoundedInput(input(), MAX_RECORD_BYTES)) {
      XMLStreamReader xml = INPUTS.createXMLStreamReader(in);
      try {
        root(xml);
        records(xml, in, reading, handler);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof BoundedInput.RecordTooLong tooLong) {
        throw broken(e.getLocation(), reading, String.valueOf(tooLong.getMessage()), tooLong);
      }
      throw broken(e.getLocation(), reading, message(e), e);
    }
  }

  private InputStream input() throws IOException {
    InputStream in = Files.newInputStream(file);
    if (!closeRoot) {
      return in;
    }
    byte[] end = ("</" + ROOT + ">").getBytes(StandardCharsets.UTF_8);
    return new SequenceInputStream(in, new ByteArrayInputStream(end));
  }

  /** Reads up to the root, refusing a DOCTYPE (an HTML page's, say) and any other root. */
  private void root(XMLStreamReader xml) throws XMLStreamException, IOException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        String doctype = xml.getText().strip();
        boolean html = doctype.toLowerCase(Locale.ROOT).contains("html");
        throw notAnExport(
            xml.getLocation(),
            "it declares a DOCTYPE ("
                + (doctype.length() > 60 ? doctype.substring(0, 60) + "…" : doctype)
                + "), which is refused"
                + (html ? ": an HTML page, saved instead of the exported file?" : ""));
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (!ROOT.equals(name)) {
          throw notAnExport(
              xml.getLocation(),
              "expected the root <"
                  + ROOT
                  + "> but was <"
                  + name
                  + ">"
                  + (name.equalsIgnoreCase("html")
                      ? ": an HTML page, saved instead of the exported file?"
                      : ""));
        }
        return;
      }
    }
    throw new IOException(file + ": no root element, not an ICTRP export");
  }

  private void records(XMLStreamReader xml, BoundedInput in, Reading reading, Handler handler)
      throws XMLStreamException, IOException {
    while (xml.next() != XMLStreamConstants.END_ELEMENT) {
      if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      reading.position++;
      reading.trialId = null;
      reading.inside = true;
      ExportRecord record =
          TrialElement.read(
              xml, reading.position, xml.getLocation().getLineNumber(), id -> reading.trialId = id);
      reading.inside = false;
      in.recordEnded();
      handler.record(record);
    }
    reading.afterRoot = true;
    while (xml.hasNext()) {
      xml.next(); // lets the parser refuse anything but comments after the root
    }
  }

  /** How far reading got, for a message about where the file broke. */
  private static final class Reading {
    int position;
    boolean inside;
    boolean afterRoot;
    @Nullable String trialId;

    String context() {
      if (afterRoot) {
        return "after the root's end";
      }
      if (position == 0) {
        return "before its first record";
      }
      String id = trialId == null ? "" : " (TrialID " + trialId + ")";
      return (inside ? "inside record " : "after record ") + position + id;
    }
  }

  private IOException notAnExport(@Nullable Location at, String why) {
    return new IOException(file + where(at) + ": not an ICTRP export: " + why);
  }

  private IOException broken(
      @Nullable Location at, Reading reading, String problem, Exception cause) {
    return new IOException(
        file
            + where(at)
            + ": cut short or damaged "
            + reading.context()
            + ": "
            + problem.replaceFirst("\\.+$", "")
            + ". Export the search results again",
        cause);
  }

  private static String where(@Nullable Location at) {
    if (at == null || at.getLineNumber() < 0) {
      return "";
    }
    return ", line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }

  /** The parser's message without the location it repeats. */
  private static String message(XMLStreamException e) {
    String text = String.valueOf(e.getMessage());
    int cut = text.indexOf("Message: ");
    return (cut >= 0 ? text.substring(cut + "Message: ".length()) : text)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
