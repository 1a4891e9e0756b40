package org.mdmatrials.source.ictrp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Payload;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.core.Trial;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.source.HarvestSink;
import org.mdmatrials.source.MalformedRecordException;
import org.mdmatrials.source.TrialSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trials of a WHO ICTRP export, read again from the file at every run: always in full, since
 * the file is what a person exported, whole. The file is read twice. The first time checks it to
 * its end, so that a file that is not an export, or is cut short, fails before any of its records
 * is handed on (and the last snapshot's are carried over), and counts the EU register's records per
 * trial; the second hands on each trial, the EU register's member states of one trial as one once
 * the last of them is read. Only those wait in memory; every other record is handed on as it is
 * read.
 */
final class IctrpSource implements TrialSource {
  private static final Logger log = LoggerFactory.getLogger(IctrpSource.class);
  private static final Pattern EUDRACT =
      Pattern.compile(WhoRegistries.EUDRACT.pattern(), Pattern.CASE_INSENSITIVE);

  private final Path location;
  private final RecordMapper mapper;

  /**
   * @param location the export, or a folder whose newest export is read
   * @param known the registries this build knows, for the records of those harvested directly
   */
  IctrpSource(Path location, Registries known) {
    this.location = location;
    this.mapper = new RecordMapper(known);
  }

  @Override
  public Registry registry() {
    return IctrpModule.REGISTRY;
  }

  @Override
  public SourceSummary harvest(HarvestSink sink, HarvestScope scope) throws IOException {
    Path file = ExportFile.resolve(location);
    Export export = ExportFile.open(file);
    Survey survey = new Survey();
    export.read(survey::record);
    Handing handing = new Handing(sink, export, survey);
    export.read(handing::record);
    handing.finish();
    log.info(
        "{}: {} ({} export of {}): {} trials from {} records, {} skipped",
        IctrpModule.REGISTRY.displayName(),
        file,
        export.format(),
        survey.exported,
        handing.trials,
        survey.records,
        handing.skipped);
    return new SourceSummary(
        IctrpModule.REGISTRY,
        "file=" + file,
        true,
        survey.exported,
        survey.records,
        survey.records,
        handing.skipped,
        1);
  }

  /** The first reading: how many records, when exported, how many member states per EU trial. */
  private static final class Survey {
    int records;
    @Nullable String exported;
    final Map<String, Integer> memberStates = new HashMap<>();

    void record(ExportRecord record) {
      records++;
      if (exported == null) {
        exported = Dates.exported(record.field("Export_date"));
      }
      String id = Texts.line(record.field("TrialID"));
      Matcher eu = id == null ? null : EUDRACT.matcher(id);
      if (eu != null && eu.lookingAt()) {
        memberStates.merge(eu.group(1), 1, Integer::sum);
      }
    }
  }

  /** The second reading: maps each record and hands its trial on. */
  private final class Handing {
    private final HarvestSink sink;
    private final Export export;
    private final Survey survey;
    private final Map<String, List<Held>> waiting = new LinkedHashMap<>();
    int trials;
    int skipped;

    Handing(HarvestSink sink, Export export, Survey survey) {
      this.sink = sink;
      this.export = export;
      this.survey = survey;
    }

    /** A member state's record waiting for the trial's others. */
    private record Held(ExportRecord record, MemberStates.State state) {}

    void record(ExportRecord record) throws IOException {
      Trial trial;
      try {
        trial = mapper.toTrial(record, survey.exported);
      } catch (MalformedRecordException e) {
        skip(record, e);
        return;
      }
      int states = survey.memberStates.getOrDefault(trial.trialId(), 1);
      if (!trial.registry().code().equals("EUCTR") || states < 2) {
        handOn(List.of(new Held(record, new MemberStates.State(null, trial))));
        return;
      }
      List<Held> held = waiting.computeIfAbsent(trial.trialId(), id -> new ArrayList<>());
      String given = String.valueOf(RecordMapper.idOrNull(record));
      held.add(new Held(record, new MemberStates.State(WhoRegistries.memberState(given), trial)));
      if (held.size() == states) {
        handOn(waiting.remove(trial.trialId()));
      }
    }

    /** Hands on the trials whose member states did not all come (some were left out). */
    void finish() throws IOException {
      for (List<Held> held : List.copyOf(waiting.values())) {
        handOn(held);
      }
      waiting.clear();
    }

    private void handOn(List<Held> held) throws IOException {
      Trial trial = MemberStates.merge(held.stream().map(Held::state).toList());
      String payload = export.payload(held.stream().map(Held::record).toList());
      sink.accept(trial, Payload.of(payload));
      trials++;
    }

    private void skip(ExportRecord record, MalformedRecordException e) {
      SkippedRecord left =
          new SkippedRecord(
              IctrpModule.REGISTRY,
              RecordMapper.idOrNull(record),
              1,
              record.position(),
              e.path(),
              e.problem());
      log.warn("Skipped {}", left);
      sink.skipped(left);
      skipped++;
    }
  }
}
