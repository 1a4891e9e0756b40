package org.mdmatrials.source.euctr;

import org.mdmatrials.Fixtures;

/**
 * The recorded full text download ({@code fixtures/euctr/full-download-2-trials.txt}) and pages
 * built from its real records where a test needs a page the recording does not hold.
 */
final class EuCtrDownloads {
  static final String SMALL_TRIAL = "2022-002568-62";
  static final String LARGE_TRIAL = "2021-002179-21";
  private static final String RECORD_START = "Summary\n";

  private EuCtrDownloads() {}

  /** The recording: its header, then 3 records of 2022-002568-62 and 7 of 2021-002179-21. */
  static String recorded() {
    return Fixtures.text("euctr/full-download-2-trials.txt");
  }

  /** The recording's header, up to its first record. */
  static String header() {
    String download = recorded();
    return download.substring(0, download.indexOf(RECORD_START));
  }

  /** The member-state records of one of the two recorded trials, as recorded. */
  static String records(String eudractNumber) {
    String download = recorded();
    int large = download.indexOf(RECORD_START + "EudraCT Number: " + LARGE_TRIAL);
    return eudractNumber.equals(SMALL_TRIAL)
        ? download.substring(header().length(), large)
        : download.substring(large);
  }

  /**
   * A page of {@code count} trials: the three real records of 2022-002568-62 again and again, each
   * time under another EudraCT number ({@code 2022-9nnnnn-62}, from {@code first} on).
   */
  static String renumberedPage(int first, int count) {
    StringBuilder page = new StringBuilder(header());
    for (int n = first; n < first + count; n++) {
      page.append(records(SMALL_TRIAL).replace(SMALL_TRIAL, renumbered(n)));
    }
    return page.toString();
  }

  static String renumbered(int n) {
    return String.format("2022-9%05d-62", n);
  }
}
