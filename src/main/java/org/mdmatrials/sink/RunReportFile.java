package org.mdmatrials.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.mdmatrials.core.OutputLayout;
import org.mdmatrials.core.RunReport;

/**
 * Writes a run's report as {@code run.json}: the row of {@code runs}, the MDMA trials by primary
 * category and the changes counted by type, then the rows of {@code run_sources} and {@code
 * run_skipped_records}, all under the names {@link RunRows} gives them.
 */
public final class RunReportFile implements SnapshotFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return OutputLayout.RUN_JSON;
  }

  @Override
  public void write(Snapshot snapshot, Path file) throws IOException {
    write(snapshot.run(), file);
  }

  /** Writes the report to {@code file} through a temporary file, so no reader sees half of it. */
  public static void write(RunReport report, Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(temporary.toFile(), toJson(report));
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static ObjectNode toJson(RunReport report) {
    ObjectNode run = JSON.valueToTree(RunRows.run(report));
    run.put("snapshot", report.snapshot());
    run.set("mdma_intervention_trials_by_primary_category", counts(report.studiedByCategory()));
    run.set("changes", counts(report.changes()));
    run.set("sources", JSON.valueToTree(RunRows.sources(report)));
    run.set("skipped_records", JSON.valueToTree(RunRows.skipped(report)));
    return run;
  }

  /** Counts by an enum, in the enum's order. */
  private static <E extends Enum<E>> JsonNode counts(Map<E, Integer> counts) {
    return JSON.valueToTree(new TreeMap<>(counts));
  }
}
