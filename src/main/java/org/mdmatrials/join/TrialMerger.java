package org.mdmatrials.join;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

/**
 * Makes one trial of the records that registries hold for it. The id, registry and page come from
 * the preferred registry's record; every other field from the most recently updated record that has
 * it (fields that belong together, such as a status and the registry's own wording of it, come from
 * one record). Secondary ids are the union of all records'.
 */
public final class TrialMerger {
  private final List<Registry> preference;

  /**
   * @param preference registries in order of preference; those not listed come last
   */
  public TrialMerger(List<Registry> preference) {
    this.preference = List.copyOf(preference);
  }

  /** The records ordered as their trial's row is built: the preferred record first. */
  public List<Trial> preferredFirst(Collection<Trial> records) {
    return records.stream()
        .sorted(Comparator.comparingInt(this::rank).thenComparing(TrialMerger::newestFirst))
        .toList();
  }

  /** One trial from its records; a single record is returned as it is. */
  public Trial merge(Collection<Trial> records) {
    List<Trial> ordered = preferredFirst(records);
    Trial preferred = ordered.get(0);
    if (ordered.size() == 1) {
      return preferred;
    }
    List<Trial> newest = records.stream().sorted(TrialMerger::newestFirst).toList();
    Trial status = first(newest, t -> t.overallStatus() != null);
    Trial enrollment = first(newest, t -> t.enrollment() != null);
    return new Trial(
        preferred.trialId(),
        preferred.registry(),
        preferred.url(),
        value(newest, Trial::title),
        value(newest, Trial::officialTitle),
        value(newest, Trial::acronym),
        status.overallStatus(),
        status.registryStatus(),
        list(newest, Trial::phases),
        value(newest, Trial::studyType),
        enrollment.enrollment(),
        enrollment.enrollmentType(),
        value(newest, Trial::startDate),
        value(newest, Trial::primaryCompletionDate),
        value(newest, Trial::completionDate),
        value(newest, Trial::firstPosted),
        value(newest, Trial::lastUpdatePosted),
        value(newest, Trial::leadSponsor),
        list(newest, Trial::collaborators),
        list(newest, Trial::conditions),
        list(newest, Trial::keywords),
        list(newest, Trial::conditionMeshTerms),
        list(newest, Trial::interventions),
        list(newest, Trial::armGroups),
        value(newest, Trial::briefSummary),
        list(newest, Trial::countries),
        records.stream().anyMatch(Trial::hasResults),
        secondaryIds(ordered),
        preferred.sourceVersion());
  }

  private int rank(Trial trial) {
    int rank = preference.indexOf(trial.registry());
    return rank < 0 ? preference.size() : rank;
  }

  /** Most recently updated first; a record without a date last. */
  private static int newestFirst(Trial a, Trial b) {
    return Comparator.nullsLast(Comparator.comparing(PartialDate::value).reversed())
        .compare(a.lastUpdatePosted(), b.lastUpdatePosted());
  }

  private static Trial first(List<Trial> newest, java.util.function.Predicate<Trial> has) {
    return newest.stream().filter(has).findFirst().orElse(newest.get(0));
  }

  private static <T> T value(List<Trial> newest, Function<Trial, T> field) {
    return newest.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static <T> List<T> list(List<Trial> newest, Function<Trial, List<T>> field) {
    return newest.stream().map(field).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
  }

  private static List<SecondaryId> secondaryIds(List<Trial> ordered) {
    Set<SecondaryId> ids = new LinkedHashSet<>();
    for (Trial trial : ordered) {
      ids.addAll(trial.secondaryIds());
    }
    return new ArrayList<>(ids);
  }
}
