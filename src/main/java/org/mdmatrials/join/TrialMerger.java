package org.mdmatrials.join;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.Trial;

/**
 * Makes one trial of the records that registries hold for it. The id, registry and page come from
 * the preferred registry's record; every other field from the most recently updated record that has
 * it (fields that belong together, such as a status and the registry's own wording of it, or who
 * may take part, come from one record). Secondary ids and publications are the union of all
 * records', and results were first posted when the first registry posted them.
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
    Trial.Status status = first(newest, t -> t.status().overallStatus() != null).status();
    Trial.Design enrollment = first(newest, t -> t.design().enrollment() != null).design();
    return Trial.builder(preferred.trialId(), preferred.registry())
        .url(preferred.origin().url())
        .sourceVersion(preferred.origin().sourceVersion())
        .title(value(newest, t -> t.titles().title()))
        .officialTitle(value(newest, t -> t.titles().officialTitle()))
        .acronym(value(newest, t -> t.titles().acronym()))
        .status(status.overallStatus(), status.registryStatus())
        .whyStopped(status.whyStopped())
        .statusVerified(status.statusVerified())
        .phases(list(newest, t -> t.design().phases()))
        .studyType(value(newest, t -> t.design().studyType()))
        .enrollment(enrollment.enrollment(), enrollment.enrollmentType())
        .allocation(value(newest, t -> t.design().allocation()))
        .masking(value(newest, t -> t.design().masking()))
        .primaryPurpose(value(newest, t -> t.design().primaryPurpose()))
        .eligibility(first(newest, t -> !t.design().eligibility().isEmpty()).design().eligibility())
        .primaryOutcomes(list(newest, t -> t.design().primaryOutcomes()))
        .startDate(value(newest, t -> t.dates().startDate()))
        .primaryCompletionDate(value(newest, t -> t.dates().primaryCompletionDate()))
        .completionDate(value(newest, t -> t.dates().completionDate()))
        .firstPosted(value(newest, t -> t.dates().firstPosted()))
        .lastUpdatePosted(value(newest, t -> t.dates().lastUpdatePosted()))
        .leadSponsor(value(newest, t -> t.sponsors().leadSponsor()))
        .collaborators(list(newest, t -> t.sponsors().collaborators()))
        .conditions(list(newest, t -> t.topic().conditions()))
        .keywords(list(newest, t -> t.topic().keywords()))
        .conditionMeshTerms(list(newest, t -> t.topic().conditionMeshTerms()))
        .interventions(list(newest, t -> t.arms().interventions()))
        .armGroups(list(newest, t -> t.arms().armGroups()))
        .briefSummary(value(newest, t -> t.topic().briefSummary()))
        .countries(list(newest, Trial::countries))
        .hasResults(records.stream().anyMatch(t -> t.results().hasResults()))
        .resultsFirstPosted(earliest(records, t -> t.results().resultsFirstPosted()))
        .publications(union(ordered, t -> t.results().publications()))
        .secondaryIds(union(ordered, Trial::secondaryIds))
        .build();
  }

  private int rank(Trial trial) {
    int rank = preference.indexOf(trial.registry());
    return rank < 0 ? preference.size() : rank;
  }

  /** Most recently updated first; a record without a date last. */
  private static int newestFirst(Trial a, Trial b) {
    return Comparator.nullsLast(Comparator.<PartialDate>reverseOrder())
        .compare(a.dates().lastUpdatePosted(), b.dates().lastUpdatePosted());
  }

  private static Trial first(List<Trial> newest, java.util.function.Predicate<Trial> has) {
    return newest.stream().filter(has).findFirst().orElse(newest.get(0));
  }

  private static <T> @Nullable T value(List<Trial> newest, Function<Trial, @Nullable T> field) {
    return newest.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static <T> List<T> list(List<Trial> newest, Function<Trial, List<T>> field) {
    return newest.stream().map(field).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
  }

  private static <T> List<T> union(List<Trial> ordered, Function<Trial, List<T>> field) {
    Set<T> values = new LinkedHashSet<>();
    for (Trial trial : ordered) {
      values.addAll(field.apply(trial));
    }
    return new ArrayList<>(values);
  }

  private static @Nullable PartialDate earliest(
      Collection<Trial> records, Function<Trial, @Nullable PartialDate> field) {
    return records.stream()
        .map(field)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
