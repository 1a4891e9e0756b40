package org.mdmatrials.source.isrctn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.TrialBuilder;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.Publications;

/**
 * What an ISRCTN record holds of the trial's results: results the registry itself holds (a basic or
 * plain-English results report, as text or as an output of type basicresults or
 * plainenglishresults), and the results articles it links (outputs of type resultsarticle, and in
 * older records the "Results article in …" lines of the publication details). Protocol articles,
 * interim results and other outputs are not results publications.
 */
final class Outputs {
  private static final Set<String> POSTED = Set.of("basicresults", "plainenglishresults");
  private static final String ARTICLE = "resultsarticle";
  private static final Pattern RESULTS_LINE = Pattern.compile("(?i)results article in (\\S+)");

  private Outputs() {}

  static TrialBuilder set(TrialBuilder trial, XmlElement record) throws MalformedRecordException {
    XmlElement results = record.child("results");
    List<XmlElement> outputs = record.all("outputs", "output");
    boolean reported =
        results != null
            && (results.text("basicReport") != null || results.text("plainEnglishReport") != null);
    return trial
        .hasResults(reported || outputs.stream().anyMatch(o -> POSTED.contains(type(o))))
        .resultsFirstPosted(firstPosted(outputs))
        .publications(publications(outputs, results));
  }

  private static String type(XmlElement output) {
    String type = output.attribute("outputType");
    return type == null ? "" : type.toLowerCase(Locale.ROOT);
  }

  /** The day the first results output was uploaded; not given for a report given as text. */
  private static PartialDate firstPosted(List<XmlElement> outputs) throws MalformedRecordException {
    PartialDate first = null;
    for (int i = 0; i < outputs.size(); i++) {
      XmlElement output = outputs.get(i);
      String uploaded = output.attribute("dateUploaded");
      if (!POSTED.contains(type(output)) || uploaded == null) {
        continue;
      }
      PartialDate day = day(uploaded, "trial/outputs/output[" + (i + 1) + "]/@dateUploaded");
      if (first == null || day.compareTo(first) < 0) {
        first = day;
      }
    }
    return first;
  }

  private static List<String> publications(List<XmlElement> outputs, XmlElement results) {
    Set<String> publications = new LinkedHashSet<>();
    for (XmlElement output : outputs) {
      XmlElement link = output.child("externalLink");
      if (ARTICLE.equals(type(output)) && link != null) {
        String publication = Publications.linked(link.attribute("url"));
        if (publication != null) {
          publications.add(publication);
        }
      }
    }
    String details = results == null ? null : results.text("publicationDetails");
    if (details != null) {
      Matcher line = RESULTS_LINE.matcher(details);
      while (line.find()) {
        publications.add(Publications.linked(line.group(1)));
      }
    }
    return new ArrayList<>(publications);
  }

  private static PartialDate day(String timestamp, String path) throws MalformedRecordException {
    try {
      var day = Instant.parse(timestamp).atOffset(ZoneOffset.UTC).toLocalDate();
      return new PartialDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException(
          path, "a date such as 2026-07-23T00:00:00.000Z", "\"" + timestamp + "\"");
    }
  }
}
