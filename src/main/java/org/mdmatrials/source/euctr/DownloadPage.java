package org.mdmatrials.source.euctr;

import java.util.List;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;

/**
 * One page of the full text download, read completely before any of it is used, so that a page that
 * has to be fetched again is never handed on twice.
 *
 * @param trialIds the EudraCT numbers on the page, of read and skipped trials alike
 * @param size the trials on the page, read or skipped: the register pages by trial
 * @param records the member-state records on the page
 */
record DownloadPage(
    List<Entry> trials, List<SkippedRecord> skipped, List<String> trialIds, int size, int records) {

  /** A trial that was read: the common record and its member-state records as served. */
  record Entry(Trial trial, String payload) {}

  DownloadPage {
    trials = List.copyOf(trials);
    skipped = List.copyOf(skipped);
    trialIds = List.copyOf(trialIds);
  }
}
