package org.mdmatrials.source.ictrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.Fixtures;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.HarvestScope;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The exports recorded under fixtures/ictrp (see its PROVENANCE.md), written where a test reads
 * them, and read as a run reads them.
 */
final class IctrpExports {
  private IctrpExports() {}

  /** A recorded export's text. */
  static String text(String fixture) {
    return Fixtures.text("ictrp/" + fixture);
  }

  /** A file holding {@code text}, as a person saves an export. */
  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** What a run reads from {@code location}. */
  record Read(SourceSummary summary, CollectingSink sink) {
    Trial trial(String trialId) {
      return sink.trials.stream()
          .filter(t -> t.trialId().equals(trialId))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no trial " + trialId + " in " + ids()));
    }

    String payload(String trialId) {
      return sink.payloads.get(sink.trials.indexOf(trial(trialId)));
    }

    List<String> ids() {
      return sink.trials.stream().map(Trial::trialId).toList();
    }
  }

  static Read read(Path location) throws IOException {
    CollectingSink sink = new CollectingSink();
    SourceSummary summary =
        new IctrpSource(location, Modules.SHIPPED.registries()).harvest(sink, HarvestScope.full());
    return new Read(summary, sink);
  }

  /**
   * The {@code <Trial>} elements of an XML text, each as its fields' texts by name, read with the
   * JDK's DOM parser: a reader independent of the source's.
   */
  static List<Map<String, String>> trialsByDom(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList trials =
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)))
            .getElementsByTagName("Trial");
    List<Map<String, String>> all = new java.util.ArrayList<>();
    for (int i = 0; i < trials.getLength(); i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      NodeList children = trials.item(i).getChildNodes();
      for (int c = 0; c < children.getLength(); c++) {
        Node child = children.item(c);
        if (child instanceof Element element) {
          fields.put(element.getTagName(), element.getTextContent());
        }
      }
      all.add(fields);
    }
    assertThat(all).isNotEmpty();
    return all;
  }
}
