package org.mdmatrials.cli;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.TestConfig;
import org.mdmatrials.bench.StandInRegistry;

/**
 * A registry that fails about a third of its requests (503, 429, bodies cut off, JSON cut in half)
 * yields the same trials.csv as one that fails none.
 */
class FlakyRegistryIT {
  private static final int STUDIES = 2500;

  @TempDir Path dir;

  @Test
  void aRegistryFailingAThirdOfRequestsYieldsTheSameCsvAsAHealthyOne() throws Exception {
    Path config = TestConfig.ctgovOnly(dir, 100);
    List<List<String>> clean;
    try (StandInRegistry healthy = StandInRegistry.start(STUDIES, 0, 0, 7)) {
      clean = harvest(config, healthy.apiRoot(), dir.resolve("clean"));
    }
    List<List<String>> flakyRun;
    int failures;
    try (StandInRegistry flaky = StandInRegistry.start(STUDIES, 0, 1.0 / 3, 7)) {
      flakyRun = harvest(config, flaky.apiRoot(), dir.resolve("flaky"));
      failures = flaky.failures();
    }

    assertThat(failures).isGreaterThanOrEqualTo(5);
    assertThat(clean).hasSize(STUDIES + 1);
    assertThat(flakyRun).isEqualTo(clean);
  }

  /** Runs the harvest and returns trials.csv's rows without the harvested_at column. */
  private static List<List<String>> harvest(Path config, String apiRoot, Path output)
      throws Exception {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit =
        cli.execute(
            "run",
            "--config",
            config.toString(),
            "--output",
            output.toString(),
            "--ctgov-url",
            apiRoot);
    assertThat(exit).as(err.toString()).isZero();
    try (Reader reader = Files.newBufferedReader(output.resolve("latest/trials.csv"));
        CSVParser csv = CSVFormat.RFC4180.parse(reader)) {
      List<List<String>> rows =
          csv.stream().map(r -> new ArrayList<>(r.toList())).collect(toList());
      int harvestedAt = rows.get(0).indexOf("harvested_at");
      rows.forEach(row -> row.remove(harvestedAt));
      return rows;
    }
  }
}
