package org.mdmatrials.source.ctis;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.HttpUrl;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EU CTIS (Clinical Trials Information System): every trial whose text contains all the search
 * terms, listed by the public search and then retrieved one by one in full.
 *
 * <p>No search criterion is known to select recently updated trials, and the only sort known to
 * work is by decision date, so every harvest is a full one, and says so.
 */
final class CtisSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(CtisSource.class);
  private static final int PAGE_SIZE = 100;
  private static final int RESULT_WINDOW = 10_000;

  /** Limits a response must keep, so that a broken or hostile one cannot exhaust memory. */
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(8_000_000)
          .maxDocumentLength(64L * 1024 * 1024)
          .build();

  private final CtisApi api;
  private final ObjectNode criteria;
  private final int pageSize;
  private final int window;
  private final RecordReader reader;

  /**
   * @param baseUrl the portal, which serves the API under {@code /ctis-public-api}
   * @param searchTerms words every listed trial contains (the portal's "contain all" search)
   */
  CtisSource(RegistryClient client, HttpUrl baseUrl, String searchTerms) {
    this(client, baseUrl, searchTerms, PAGE_SIZE, RESULT_WINDOW);
  }

  /** With the page size and the API's result window given, for tests. */
  CtisSource(RegistryClient client, HttpUrl baseUrl, String searchTerms, int pageSize, int window) {
    if (searchTerms == null || searchTerms.isBlank()) {
      throw new IllegalArgumentException("search terms must not be blank");
    }
    if (pageSize < 1 || pageSize > PAGE_SIZE || window % pageSize != 0) {
      throw new IllegalArgumentException(
          "page size must be 1 to 100 and divide the window " + window + ", was " + pageSize);
    }
    JsonMapper mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    mapper.getFactory().setStreamReadConstraints(LIMITS);
    this.api = new CtisApi(client, baseUrl, mapper);
    this.criteria = JsonNodeFactory.instance.objectNode().put("containAll", searchTerms.strip());
    this.pageSize = pageSize;
    this.window = window;
    this.reader = new RecordReader(mapper);
  }

  @Override
  public Registry registry() {
    return CtisModule.REGISTRY;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    if (!scope.isFull()) {
      log.info("{} cannot be asked for recent updates: harvesting in full", name());
    }
    SearchListing.Result listing = new SearchListing(api, criteria, pageSize, window).list();
    for (SkippedRecord record : listing.skipped()) {
      skip(sink, record);
    }
    int skipped = listing.skipped().size();
    for (SearchListing.Listed listed : listing.trials()) {
      if (!retrieve(listed, sink)) {
        skipped++;
      }
    }
    log.info(
        "{}: {} of {} announced trials listed in {} search pages, {} retrieved, {} skipped",
        name(),
        listing.received(),
        listing.announced(),
        listing.pages(),
        listing.received() - skipped,
        skipped);
    return new SourceSummary(
        CtisModule.REGISTRY,
        criteria.toString(),
        true,
        null,
        listing.announced(),
        listing.received(),
        skipped,
        listing.pages());
  }

  /** Retrieves a listed trial and hands it on; false when it could not be read and was skipped. */
  private boolean retrieve(SearchListing.Listed listed, HarvestSink sink) throws IOException {
    CtisApi.Retrieved record = api.retrieve(listed.ctNumber());
    Trial trial;
    try {
      trial = reader.read(record.tree(), listed.ctNumber());
    } catch (MalformedRecordException e) {
      skip(
          sink,
          new SkippedRecord(
              CtisModule.REGISTRY,
              listed.ctNumber(),
              listed.page(),
              listed.position(),
              e.path(),
              e.problem()));
      return false;
    }
    sink.accept(trial, Payload.of(record.text()));
    return true;
  }

  private static void skip(HarvestSink sink, SkippedRecord record) {
    log.warn("Skipped {}", record);
    sink.skipped(record);
  }

  private static String name() {
    return CtisModule.REGISTRY.displayName();
  }
}
