package org.mdmatrials.source.ctgov;

import java.util.List;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;

/**
 * One page of {@code GET /studies}, read completely before any of it is used, so that a page cut
 * short can be fetched again without handing on half of it twice.
 */
record StudyPage(
    List<Entry> studies, List<SkippedRecord> skipped, Integer totalCount, String nextPageToken) {

  /** A study that was read: the common record and the study's JSON as the registry sent it. */
  record Entry(Trial trial, Payload payload) {}

  int size() {
    return studies.size() + skipped.size();
  }
}
