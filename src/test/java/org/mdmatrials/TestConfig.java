package org.mdmatrials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A harvester.yaml for tests: the shipped category rules and ClinicalTrials.gov's shipped search
 * term, other registries off unless added, no rate limit and quick retries for local stand-ins.
 */
public final class TestConfig {
  private TestConfig() {}

  /**
   * Writes the config into {@code dir} and returns its path.
   *
   * @param moreLines further YAML lines at the top level, for instance to switch a registry on
   */
  public static Path write(Path dir, String... moreLines) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("categories: " + Path.of("config/categories.yaml").toAbsolutePath());
    lines.add("http:");
    lines.add("  max-tries: 10");
    lines.add("  backoff-base-millis: 1");
    lines.add("  backoff-max-seconds: 0");
    lines.add("  retry-after-cap-seconds: 0");
    lines.add("  rate-limit: 0");
    lines.addAll(List.of(moreLines));
    Path file = dir.resolve("harvester.yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** Only ClinicalTrials.gov, searched for MDMA, {@code pageSize} studies a page. */
  public static Path ctgovOnly(Path dir, int pageSize) throws IOException {
    return write(
        dir,
        "sources:",
        "  ctgov:",
        "    page-size: " + pageSize,
        "    search: {query.term: MDMA}");
  }
}
