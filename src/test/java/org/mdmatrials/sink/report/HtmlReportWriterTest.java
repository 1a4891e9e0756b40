package org.mdmatrials.sink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestTrial;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.CategoryMatch.Evidence;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.RunOutcome;
import org.mdmatrials.core.RunReport;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceOutcome;
import org.mdmatrials.core.SourceStatus;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.ctgov.CtGovModule;
import org.mdmatrials.store.SnapshotRows;
import org.mdmatrials.store.StagingStore;

/**
 * report.html from a snapshot written by the real SQLite writer, read back with jsoup, an HTML
 * parser of its own.
 */
class HtmlReportWriterTest {
  private static final Instant STARTED = Instant.parse("2026-11-28T02:30:00Z");
  private static final String HOSTILE = "<script>alert('x')</script> & \"Co\"";

  @TempDir Path dir;

  private final List<Added> trials = new ArrayList<>();

  private record Added(Trial trial, MdmaRole role, Indication category) {}

  private void add(Trial trial, MdmaRole role, Indication category) {
    trials.add(new Added(trial, role, category));
  }

  private void typicalSnapshot() {
    add(
        trial("NCT00000001")
            .title(HOSTILE)
            .status("RECRUITING")
            .phases("PHASE2")
            .startDate("2021")
            .enrollment(10)
            .build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(
        trial("NCT00000002")
            .status("RECRUITING")
            .phases("PHASE2", "PHASE3")
            .startDate("2021-05-03")
            .enrollment(32)
            .build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(
        trial("NCT00000003").status("COMPLETED").phases("PHASE2").startDate("2016-11").build(),
        MdmaRole.INTERVENTION,
        Indication.COUPLES_THERAPY);
    add(
        trial("NCT00000004").status("COMPLETED").startDate("2004-05").enrollment(665).build(),
        MdmaRole.MENTIONED,
        Indication.OTHER);
    add(trial("NCT00000005").status("<b>odd</b>").build(), MdmaRole.INTERVENTION, Indication.OTHER);
  }

  @Test
  void escapesRegistryTextAndRunsNoScript() throws Exception {
    typicalSnapshot();

    Path report = write(report(List.of("ClinicalTrials.gov sent <NCT1> twice & more")));

    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
        .contains("&lt;b&gt;odd&lt;/b&gt;")
        .contains("ClinicalTrials.gov sent &lt;NCT1&gt; twice &amp; more")
        .doesNotContain("<script")
        .doesNotContain("<b>");
    Document page = Jsoup.parse(html);
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("td.trial .title").eachText()).contains(HOSTILE);
  }

  @Test
  void fetchesNothingFromTheNetwork() throws Exception {
    typicalSnapshot();

    Document page = parse(write(report(List.of())));

    assertThat(page.select("[src], link, img, iframe, object, embed")).isEmpty();
    assertThat(page.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none'");
    assertThat(page.select("style").html()).contains("@media print");
  }

  @Test
  void countsStudiedTrialsByCategoryAndStatusEachOnce() throws Exception {
    typicalSnapshot();

    Document page = parse(write(report(List.of())));

    Element table = page.selectFirst("#status table");
    // The most frequent status first; ties in alphabetical order.
    assertThat(header(table))
        .containsExactly("Category", "Recruiting", "<b>odd</b>", "Completed", "All");
    assertThat(row(table, "PTSD")).containsExactly("2", "0", "0", "2");
    assertThat(row(table, "Couples therapy")).containsExactly("0", "0", "1", "1");
    // The MENTIONED trial is not counted: only trials that study MDMA are.
    assertThat(row(table, "Other")).containsExactly("0", "1", "0", "1");
    assertThat(table.select("tfoot td").eachText()).containsExactly("2", "1", "1", "4");
    Element phases = page.selectFirst("#phase table");
    assertThat(header(phases))
        .containsExactly("Category", "Phase 2", "Phase 2/3", "Not given", "All");
    assertThat(row(phases, "PTSD")).containsExactly("1", "1", "0", "2");
  }

  @Test
  void chartsStartsPerYearCountingPartialDatesByTheirYear() throws Exception {
    typicalSnapshot();

    Document page = parse(write(report(List.of())));

    Element chart = page.selectFirst("#starts svg.starts");
    assertThat(chart.select("rect.bar title").eachText())
        .containsExactly("2016, Couples therapy: 1 trial", "2021, PTSD: 2 trials");
    assertThat(chart.select("text.tick.x").eachText()).contains("2016", "2021").hasSize(6);
    assertThat(chart.select("text.label").eachText())
        .anyMatch(t -> t.startsWith("Year the trial started"))
        .contains("Trials started");
    assertThat(page.select("#starts ul.legend li").eachText())
        .containsExactly(
            "PTSD",
            "Anxiety in life-threatening illness",
            "Social anxiety (autistic adults)",
            "Couples therapy",
            "Other");
    assertThat(page.select("#starts figcaption p").text())
        .isEqualTo("1 trial gives no start date and is not shown.");
    Element tall = chart.select("rect.bar").last();
    Element short_ = chart.select("rect.bar").first();
    assertThat(Double.parseDouble(tall.attr("height")))
        .isEqualTo(2 * Double.parseDouble(short_.attr("height")));
  }

  @Test
  void sumsEnrolmentPerCategory() throws Exception {
    typicalSnapshot();

    Document page = parse(write(report(List.of())));

    Element table = page.selectFirst("#enrolment table");
    assertThat(row(table, "PTSD")).containsExactly("2", "2", "42", "0");
    assertThat(row(table, "Social anxiety (autistic adults)")).containsExactly("0", "0", "0", "0");
    assertThat(table.select("tfoot td").eachText()).containsExactly("4", "2", "42", "0");
  }

  @Test
  void listsChangesLinkingTrialIdsAndCapsTheList() throws Exception {
    for (int i = 0; i < HtmlReportWriter.CHANGES_LISTED + 5; i++) {
      add(trial(String.format("NCT1%07d", i)).build(), MdmaRole.INTERVENTION, Indication.OTHER);
    }

    Document page = parse(write(report(List.of())));

    assertThat(page.select("#changes p").first().text())
        .contains("205 added, 0 removed, and 0 field changes in 205 trials");
    assertThat(page.select("#changes tbody tr")).hasSize(HtmlReportWriter.CHANGES_LISTED);
    Element link = page.selectFirst("#changes tbody tr a");
    assertThat(link.text()).isEqualTo("NCT10000000");
    assertThat(link.attr("href")).isEqualTo("https://clinicaltrials.gov/study/NCT10000000");
    assertThat(page.select("#changes p.more").text()).isEqualTo("… and 5 more, see changes.csv.");
    assertThat(page.select("#changes p.more a").attr("href")).isEqualTo("changes.csv");
  }

  @Test
  void tablesTheResultsStatusOfTheMdmaTrialsByCategory() throws Exception {
    add(
        trial("NCT00000011").status("COMPLETED").hasResults(true).build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(
        trial("NCT00000012").status("COMPLETED").publications("PMID:31454045").build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(
        trial("NCT00000013").status("COMPLETED").primaryCompletionDate("2019-03").build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(
        trial("NCT00000014")
            .status("ACTIVE_NOT_RECRUITING")
            .primaryCompletionDate("2026-06")
            .build(),
        MdmaRole.INTERVENTION,
        Indication.COUPLES_THERAPY);
    add(
        trial("NCT00000015").status("RECRUITING").primaryCompletionDate("2027").build(),
        MdmaRole.INTERVENTION,
        Indication.COUPLES_THERAPY);
    add(trial("NCT00000016").status("WITHDRAWN").build(), MdmaRole.INTERVENTION, Indication.OTHER);
    // Only mentions MDMA: not counted.
    add(trial("NCT00000017").status("COMPLETED").build(), MdmaRole.MENTIONED, Indication.OTHER);

    Document page = parse(write(report(List.of())));

    Element table = page.selectFirst("#evidence table");
    assertThat(header(table))
        .containsExactly(
            "Category",
            "Results posted",
            "Published",
            "Overdue",
            "Pending",
            "Not due",
            "Not applicable",
            "All");
    assertThat(row(table, "PTSD")).containsExactly("1", "1", "1", "0", "0", "0", "3");
    assertThat(row(table, "Couples therapy")).containsExactly("0", "0", "0", "1", "1", "0", "2");
    assertThat(row(table, "Other")).containsExactly("0", "0", "0", "0", "0", "1", "1");
    assertThat(table.select("tfoot td").eachText())
        .containsExactly("1", "1", "1", "1", "1", "1", "6");
    assertThat(page.select("#evidence p.note").text()).contains("As of 2026-11-28");
  }

  @Test
  void listsTheOverdueMdmaTrialsMostOverdueFirstEachLinked() throws Exception {
    add(
        trial("NCT00000021")
            .title("Recent")
            .status("COMPLETED")
            .primaryCompletionDate("2024-06")
            .build(),
        MdmaRole.INTERVENTION,
        Indication.PTSD);
    add(trial("NCT00000022").status("TERMINATED").build(), MdmaRole.INTERVENTION, Indication.PTSD);
    add(
        trial("NCT00000023").title(HOSTILE).status("COMPLETED").completionDate("2019-03").build(),
        MdmaRole.INTERVENTION,
        Indication.COUPLES_THERAPY);

    Document page = parse(write(report(List.of())));

    List<Element> rows = page.select("#evidence table.changes tbody tr");
    // 2019-03 is due from 2020-03-31, 2024-06 from 2025-06-30; the harvest day is 2026-11-28.
    assertThat(rows)
        .extracting(r -> r.select("td").eachText())
        .containsExactly(
            List.of("NCT00000023 " + HOSTILE, "Couples therapy", "Completed", "2019-03", "79"),
            List.of("NCT00000021 Recent", "PTSD", "Completed", "2024-06", "16"),
            List.of("NCT00000022", "PTSD", "Terminated", "no date given"));
    assertThat(rows.get(0).selectFirst("a").attr("href"))
        .isEqualTo("https://clinicaltrials.gov/study/NCT00000023");
    assertThat(page.select("#evidence p.more")).isEmpty();
  }

  @Test
  void capsTheListOfOverdueTrialsSayingHowManyMore() throws Exception {
    for (int i = 0; i < HtmlReportWriter.CHANGES_LISTED + 5; i++) {
      add(
          trial(String.format("NCT2%07d", i))
              .status("COMPLETED")
              .primaryCompletionDate(i == 7 ? "2010" : "2020")
              .build(),
          MdmaRole.INTERVENTION,
          Indication.PTSD);
    }

    Document page = parse(write(report(List.of())));

    List<Element> rows = page.select("#evidence table.changes tbody tr");
    assertThat(rows).hasSize(HtmlReportWriter.CHANGES_LISTED);
    assertThat(rows.get(0).selectFirst("a").text()).isEqualTo("NCT20000007");
    assertThat(page.select("#evidence p.more").text())
        .isEqualTo("… and 5 more: every trial whose results_status is OVERDUE is in trials.csv.");
  }

  @Test
  void showsEachRegistrysRecordsDataTimestampAndTheRunsProblems() throws Exception {
    typicalSnapshot();
    SkippedRecord skipped =
        new SkippedRecord(CtGovModule.REGISTRY, null, 2, 7, "$.studies[7].x", "expected <text>");

    Document page = parse(write(report(List.of("a warning"), List.of(skipped))));

    List<Element> tables = page.select("#registries table");
    Element counts = tables.get(0).selectFirst("tbody tr");
    assertThat(counts.select("th").text()).isEqualTo("ClinicalTrials.gov");
    assertThat(counts.select("td").eachText()).containsExactly("5", "5", "4");
    Element harvest = tables.get(1).selectFirst("tbody tr");
    assertThat(harvest.select("td").eachText())
        .containsExactly(
            "full",
            "5 of 5",
            "0",
            "1",
            "2026-11-27T09:15:02",
            "2026-11-28T02:30:00Z (5)",
            "2026-11-28T02:30:00Z");
    assertThat(page.select("header p.warn").text()).contains("1 warnings or errors, 1 records");
    assertThat(page.select("#run ul.problems li").eachText()).containsExactly("a warning");
    assertThat(page.select("#run tbody td").eachText())
        .containsExactly(
            "ClinicalTrials.gov", "(no id)", "2", "7", "$.studies[7].x", "expected <text>");
  }

  private RunReport report(List<String> errors) {
    return report(errors, List.of());
  }

  private RunReport report(List<String> errors, List<SkippedRecord> skipped) {
    SourceSummary ctgov =
        new SourceSummary(CtGovModule.REGISTRY, "MDMA", true, "2026-11-27T09:15:02", 5, 5, 0, 1);
    return new RunReport(
        "20261128T023000Z",
        STARTED,
        STARTED.plusSeconds(40),
        errors.isEmpty() && skipped.isEmpty()
            ? RunOutcome.PUBLISHED
            : RunOutcome.PUBLISHED_WITH_WARNINGS,
        "output/snapshots/20261128T023000Z",
        trials.size(),
        Map.of(),
        Map.of(),
        List.of(new SourceOutcome.Harvested(CtGovModule.REGISTRY, ctgov, 0, STARTED)),
        skipped,
        Map.of(),
        errors);
  }

  private Path write(RunReport run) throws Exception {
    Path database = dir.resolve("trials.sqlite");
    try (StagingStore db = StagingStore.create(database, Modules.SHIPPED.registries())) {
      for (Added a : trials) {
        db.records()
            .add(
                a.trial().registry(),
                a.trial(),
                Payload.of("{}"),
                Set.of(a.trial().trialId()),
                SourceStatus.FRESH);
        List<Evidence> evidence =
            a.category() == Indication.OTHER ? List.of() : List.of(new Evidence("title", "x"));
        Classification sorted =
            new Classification(a.role(), List.of(new CategoryMatch(a.category(), evidence)));
        db.trials().add(TestTrial.row(a.trial(), sorted, STARTED));
      }
      db.writeChanges(null);
      db.writeRun(run);
      db.finish();
    }
    Path report = dir.resolve("report.html");
    new HtmlReportWriter().write(new SnapshotRows(database, run), report);
    return report;
  }

  private static Document parse(Path report) throws Exception {
    return Jsoup.parse(report.toFile(), "UTF-8");
  }

  private static List<String> header(Element table) {
    return table.select("thead th").eachText();
  }

  private static List<String> row(Element table, String label) {
    for (Element tr : table.select("tbody tr")) {
      if (tr.selectFirst("th").text().equals(label)) {
        return tr.select("td").eachText();
      }
    }
    throw new AssertionError("no row " + label + " in " + table);
  }
}
