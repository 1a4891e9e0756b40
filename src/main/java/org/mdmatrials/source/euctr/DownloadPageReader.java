package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.source.MalformedRecordException;

/**
 * Reads one page of the full text download: a header line, then member-state records, each opening
 * with a line {@code Summary}. The records are grouped by EudraCT number, in the order the numbers
 * first appear, and each group becomes one trial; a trial whose records cannot be read is skipped
 * and described. A page that starts with anything but the header or a record (an error message, a
 * web page) fails as a whole.
 */
final class DownloadPageReader {
  private static final String RECORD_START = "Summary";
  private static final String HEADER_START = "This file contains";
  private static final int SHOWN_TEXT = 80;

  private DownloadPageReader() {}

  static DownloadPage read(String body, String url, int pageNumber)
      throws MalformedResponseException {
    List<RecordText> records = split(body, url);
    Map<String, List<RecordText>> byNumber = new LinkedHashMap<>();
    List<List<RecordText>> trials = new ArrayList<>();
    for (RecordText record : records) {
      String number = record.parsed.eudractNumber();
      if (number == null) {
        trials.add(List.of(record));
      } else {
        byNumber
            .computeIfAbsent(
                number,
                n -> {
                  List<RecordText> trial = new ArrayList<>();
                  trials.add(trial);
                  return trial;
                })
            .add(record);
      }
    }
    return collapse(trials, pageNumber, records.size());
  }

  private static DownloadPage collapse(
      List<List<RecordText>> trials, int pageNumber, int recordCount) {
    List<DownloadPage.Entry> entries = new ArrayList<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      List<RecordText> trial = trials.get(i);
      NationalRecord first = trial.get(0).parsed;
      String number = first.eudractNumber();
      try {
        if (number == null) {
          throw new MalformedRecordException(
              "line " + first.firstLine() + " (" + RECORD_START + ")",
              "an EudraCT Number in the record's summary",
              "none");
        }
        ids.add(number);
        List<NationalRecord> parsed = trial.stream().map(r -> r.parsed).toList();
        entries.add(new DownloadPage.Entry(TrialMapper.toTrial(number, parsed), payload(trial)));
      } catch (MalformedRecordException e) {
        skipped.add(
            new SkippedRecord(
                EuCtrModule.REGISTRY, number, pageNumber, i + 1, e.path(), e.problem()));
      }
    }
    return new DownloadPage(entries, skipped, ids, trials.size(), recordCount);
  }

  /** The trial's member-state records as served, one after the other. */
  private static String payload(List<RecordText> trial) {
    StringBuilder payload = new StringBuilder();
    trial.forEach(r -> payload.append(r.text));
    return payload.toString();
  }

  /**
   * Cuts the body into records at each {@code Summary} line, keeping every record's text exactly as
   * served (line ends included); what comes before the first record must be the header.
   */
  private static List<RecordText> split(String body, String url) throws MalformedResponseException {
    List<String> lines = List.of(body.split("(?<=\n)"));
    int first = 0;
    while (first < lines.size() && !isRecordStart(lines.get(first))) {
      String text = lines.get(first).replace("\uFEFF", "").strip();
      if (!text.isEmpty() && !text.startsWith(HEADER_START)) {
        throw new MalformedResponseException(
            url,
            "expected the download's header or a trial record but was \""
                + shorten(text)
                + "\" at line "
                + (first + 1));
      }
      first++;
    }
    List<RecordText> records = new ArrayList<>();
    for (int start = first, end; start < lines.size(); start = end) {
      end = start + 1;
      while (end < lines.size() && !isRecordStart(lines.get(end))) {
        end++;
      }
      records.add(new RecordText(lines.subList(start, end), start + 1));
    }
    return records;
  }

  private static boolean isRecordStart(String line) {
    return line.strip().equals(RECORD_START);
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
  }

  /** A member-state record: its text as served, and what was read from it. */
  private static final class RecordText {
    final String text;
    final NationalRecord parsed;

    RecordText(List<String> lines, int firstLine) {
      this.text = String.join("", lines);
      this.parsed = NationalRecordParser.parse(lines, firstLine);
    }
  }
}
