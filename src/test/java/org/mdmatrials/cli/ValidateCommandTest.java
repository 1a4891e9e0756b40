package org.mdmatrials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestConfig;

class ValidateCommandTest {
  private static final String SEARCH = "    search: {query.term: MDMA}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsEverySettingOfTheShippedConfigDefaultsIncluded() {
    int exit = run("validate", "--config", "config/harvester.yaml");

    assertThat(exit).as(err.toString()).isZero();
    List<String> keys =
        out.toString()
            .lines()
            .map(String::strip)
            .filter(l -> l.matches("[a-z][\\w.\\-\\[\\]]*:\\s.*"))
            .map(l -> l.substring(0, l.indexOf(':')))
            .toList();
    assertThat(keys)
        .startsWith(
            "contact",
            "output",
            "log-folder",
            "categories",
            "registry-order",
            "full-harvest-every-days",
            "keep-snapshots",
            "keep-run-reports",
            "schedule.cron",
            "schedule.time-zone",
            "sources.ctgov.enabled",
            "sources.ctgov.url",
            "sources.ctgov.page-size",
            "sources.ctgov.history-requests",
            "sources.ctgov.search.query.term",
            "sources.isrctn.enabled",
            "sources.isrctn.url",
            "sources.isrctn.query",
            "sources.ctis.enabled",
            "sources.ctis.url",
            "sources.ctis.query",
            "sources.euctr.enabled",
            "sources.euctr.url",
            "sources.euctr.query",
            "sources.ictrp.enabled",
            "sources.ictrp.file",
            "http.connect-timeout-seconds",
            "http.read-timeout-seconds",
            "http.call-timeout-seconds",
            "http.max-tries",
            "http.backoff-base-millis",
            "http.backoff-max-seconds",
            "http.retry-after-cap-seconds",
            "http.rate-limit",
            "mdma-names",
            "precedence")
        .contains("categories.PTSD.fields", "categories.COUPLES_THERAPY.all-of[0]");
    assertThat(out.toString())
        .startsWith("config/harvester.yaml is valid.")
        // Set in the file:
        .containsPattern("http\\.call-timeout-seconds: +900\n")
        // Not in the file, so the default:
        .containsPattern("http\\.max-tries: +5\n")
        .containsPattern("http\\.rate-limit: +1 request per second to each host\n")
        .containsPattern(
            "keep-snapshots: +30 \\(the newest 30 snapshots; older ones are removed once a run"
                + " publishes\\)\n")
        .containsPattern("keep-run-reports: +30 \\(the newest 30 reports of runs that published")
        .containsPattern("log-folder: +\\(none: logs go to standard error only\\)\n")
        .containsPattern("categories\\.PTSD\\.all-of\\[0]: +one of: PTSD \\| C-PTSD \\|");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void saysWhichRegistriesARunAsksAndWhichAreSwitchedOff() throws Exception {
    Path config =
        TestConfig.write(
            dir,
            "keep-snapshots: 0",
            "keep-run-reports: 5",
            "log-folder: /var/log/mdma-trials",
            "registry-order: [EUCTR]",
            "sources:",
            "  ctgov:",
            SEARCH,
            "  isrctn:",
            "    enabled: false",
            "    query: MDMA",
            "  euctr:",
            "    query: MDMA");

    assertThat(run("validate", "--config", config.toString())).as(err.toString()).isZero();

    assertThat(out.toString())
        .contains(
            """
            A run asks 2 registries, in this order:
              ClinicalTrials.gov:           https://clinicaltrials.gov/api/v2
              EU Clinical Trials Register:  https://www.clinicaltrialsregister.eu
            Switched off: ISRCTN (sources.isrctn), EU CTIS (sources.ctis), WHO ICTRP export (sources.ictrp).
            """)
        .containsPattern("keep-snapshots: +0 \\(all are kept\\)\n")
        .containsPattern("keep-run-reports: +5 \\(the newest 5 reports")
        .containsPattern("log-folder: +/var/log/mdma-trials \\(a file a day, kept 30 days\\)\n");
  }

  @Test
  void refusesANegativeNumberOfSnapshotsToKeepNamingTheKey() throws Exception {
    Path config = TestConfig.write(dir, "keep-snapshots: -1", "sources:", "  ctgov:", SEARCH);

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(config + ": key 'keep-snapshots' must be at least 0 but was -1");
  }

  @Test
  void refusesAnUnknownKeyNamingIt() throws Exception {
    Path config = TestConfig.write(dir, "sources:", "  ctgov:", "    pagesize: 10");

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(config + ": unknown key 'sources.ctgov.pagesize'")
        .contains("the configuration is not valid");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesABadCronExpressionNamingTheKey() throws Exception {
    Path config =
        TestConfig.write(
            dir, "schedule:", "  cron: \"0 61 2 * * ?\"", "sources:", "  ctgov:", SEARCH);

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(config + ": key 'schedule.cron': not a Quartz cron expression")
        .contains("\"0 61 2 * * ?\"");
  }

  @Test
  void refusesABadUrlNamingTheKey() throws Exception {
    Path config =
        TestConfig.write(
            dir,
            "sources:",
            "  ctgov:",
            SEARCH,
            "  isrctn:",
            "    url: ftp://x",
            "    query: MDMA");

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            config
                + ": key 'sources.isrctn.url': expected an http or https URL but was \"ftp://x\"");
  }

  @Test
  void refusesAnEmptyQueryNamingTheKey() throws Exception {
    Path config =
        TestConfig.write(dir, "sources:", "  ctgov:", SEARCH, "  ctis:", "    query: \"\"");

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(config + ": key 'sources.ctis.query' is empty");
  }

  @Test
  void refusesAnEmptyTermListOfTheCategoryRulesNamingTheKey() throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        """
        mdma-names: [MDMA]
        precedence: [COUPLES_THERAPY, SOCIAL_ANXIETY, ANXIETY_LIFE_THREATENING_ILLNESS, PTSD]
        categories:
          PTSD: {fields: [conditions], all-of: [[]]}
          ANXIETY_LIFE_THREATENING_ILLNESS: {fields: [conditions], all-of: [[anxiety]]}
          SOCIAL_ANXIETY: {fields: [conditions], all-of: [[social anxiety]]}
          COUPLES_THERAPY: {fields: [conditions], all-of: [[couples]]}
        """);
    Path config = dir.resolve("harvester.yaml");
    Files.writeString(config, "categories: " + rules + "\nsources:\n  ctgov:\n" + SEARCH + "\n");

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(rules + ": categories.PTSD.all-of[0]: empty term list");
  }

  @Test
  void namesAMissingConfigFile() {
    assertThat(run("validate", "--config", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(dir.resolve("none.yaml") + ": no such config file");
  }

  private int run(String... args) {
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
