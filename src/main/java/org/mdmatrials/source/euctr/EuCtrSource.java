package org.mdmatrials.source.euctr;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.http.BodyBuffer;
import org.mdmatrials.http.MalformedResponseException;
import org.mdmatrials.http.RegistryClient;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EU Clinical Trials Register (EudraCT trials): every trial matching the configured query, from
 * the register's full text download, one trial per EudraCT number however many member states hold a
 * record of it.
 *
 * <p>How the harvest knows it is complete: the download pages by trial, 20 trials to a page, and
 * states no total (its only header line says what the file contains); the total is shown only on
 * the register's HTML search page. So the source asks for page 1, 2, … and stops after the first
 * page holding fewer than 20 trials (an empty page included). It refuses to go on, failing the
 * harvest rather than cutting it short, when a trial comes again on a later page (the register
 * ignored the page number, or the order changed while paging) and when pages are still full after
 * {@value #MAX_PAGES} of them (10,000 trials, more than any query of this project should match).
 * The summary announces as many trials as were received, for want of a count from the register.
 *
 * <p>Always a full harvest: the download cannot be narrowed to trials changed since a day. The
 * register's only list of changes is an RSS feed ({@code ctr-search/rest/feed/bydates}) covering
 * the last seven days, which this source does not read.
 */
final class EuCtrSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(EuCtrSource.class);
  static final int TRIALS_PER_PAGE = 20;
  static final int MAX_PAGES = 500;
  private static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

  private final RegistryClient client;
  private final HttpUrl baseUrl;
  private final String query;
  private final int maxPages;

  /**
   * @param baseUrl the register's root, {@code https://www.clinicaltrialsregister.eu}
   * @param query the register's search terms ({@code MDMA OR midomafetamine}), sent as given
   */
  EuCtrSource(RegistryClient client, HttpUrl baseUrl, String query) {
    this(client, baseUrl, query, MAX_PAGES);
  }

  EuCtrSource(RegistryClient client, HttpUrl baseUrl, String query, int maxPages) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query must not be empty: it would match every trial");
    }
    this.client = client;
    this.baseUrl = baseUrl;
    this.query = query;
    this.maxPages = maxPages;
  }

  @Override
  public Registry registry() {
    return EuCtrModule.REGISTRY;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    Set<String> seen = new HashSet<>();
    int received = 0;
    int records = 0;
    int skipped = 0;
    int pages = 0;
    DownloadPage page;
    do {
      refuseBeyondLimit(pages);
      HttpUrl url = pageUrl(++pages);
      page = fetchPage(url, pages);
      refuseRepeats(page, seen, url, pages);
      handOn(page, sink);
      received += page.size();
      records += page.records();
      skipped += page.skipped().size();
    } while (page.size() >= TRIALS_PER_PAGE);
    log.info(
        "{}: {} trials from {} member-state records in {} pages, {} skipped",
        EuCtrModule.REGISTRY.displayName(),
        received,
        records,
        pages,
        skipped);
    return new SourceSummary(
        EuCtrModule.REGISTRY, "query=" + query, true, null, received, received, skipped, pages);
  }

  /** Fails when {@code pages} pages were full and the limit allows no more. */
  private void refuseBeyondLimit(int pages) throws MalformedResponseException {
    if (pages == maxPages) {
      throw new MalformedResponseException(
          pageUrl(pages).toString(),
          "page "
              + pages
              + " was still full: more than "
              + pages * TRIALS_PER_PAGE
              + " trials match, more than this source pages through");
    }
  }

  /** Fails when a trial of the page came on an earlier page; else remembers the page's trials. */
  private static void refuseRepeats(DownloadPage page, Set<String> seen, HttpUrl url, int number)
      throws MalformedResponseException {
    for (String id : page.trialIds()) {
      if (!seen.add(id)) {
        throw new MalformedResponseException(
            url.toString(),
            "trial "
                + id
                + " came again on page "
                + number
                + ": the register ignored the page number or the order changed while paging");
      }
    }
  }

  private static void handOn(DownloadPage page, HarvestSink sink) throws IOException {
    for (DownloadPage.Entry entry : page.trials()) {
      sink.accept(entry.trial(), Payload.of(entry.payload()));
    }
    for (SkippedRecord record : page.skipped()) {
      log.warn("Skipped {}", record);
      sink.skipped(record);
    }
  }

  /** A page of the full text download; the same query on every page. */
  private HttpUrl pageUrl(int page) {
    return baseUrl
        .newBuilder()
        .addPathSegments("ctr-search/rest/download/full")
        .addQueryParameter("query", query)
        .addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("mode", "current_page")
        .build();
  }

  private DownloadPage fetchPage(HttpUrl url, int pageNumber) throws IOException {
    return client
        .get(url)
        .accepting("text/plain")
        .into(new BodyBuffer(MAX_PAGE_BYTES))
        .read(
            body -> DownloadPageReader.read(body.text(url.toString()), url.toString(), pageNumber));
  }
}
