package org.mdmatrials.source.ictrp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.Trial;

/**
 * One trial of the EU Clinical Trials Register's records of it, one per member state
 * (EUCTR2018-001718-13-NL, EUCTR2018-001718-13-GB), as the register's own module makes one: the
 * status of the most active state, each state's wording beside it; the earliest registration and
 * start, the latest refresh; every state's ids, conditions, interventions and countries; every
 * other field from the first record that has it.
 */
final class MemberStates {
  /** Most active first: a trial recruiting in one state is recruiting. */
  private static final List<String> ACTIVE_FIRST =
      List.of(
          "RECRUITING",
          "NOT_YET_RECRUITING",
          "ACTIVE_NOT_RECRUITING",
          "SUSPENDED",
          "COMPLETED",
          "TERMINATED",
          "WITHDRAWN",
          "UNKNOWN");

  /** One member state's record: the state's code, as its id ends ({@code NL}), and the trial. */
  record State(@Nullable String code, Trial trial) {}

  private MemberStates() {}

  static Trial merge(List<State> states) {
    List<Trial> trials = states.stream().map(State::trial).toList();
    Trial first = trials.get(0);
    if (trials.size() == 1) {
      return first;
    }
    return Trial.builder(first.trialId(), first.registry())
        .url(first(trials, t -> t.origin().url()))
        .sourceVersion(first.origin().sourceVersion())
        .title(first(trials, t -> t.titles().title()))
        .officialTitle(first(trials, t -> t.titles().officialTitle()))
        .acronym(first(trials, t -> t.titles().acronym()))
        .status(overall(trials), wordings(states))
        .phases(firstList(trials, t -> t.design().phases()))
        .studyType(first(trials, t -> t.design().studyType()))
        .enrollment(
            first(trials, t -> t.design().enrollment()),
            first(trials, t -> t.design().enrollmentType()))
        .startDate(earliest(trials, t -> t.dates().startDate()))
        .firstPosted(earliest(trials, t -> t.dates().firstPosted()))
        .lastUpdatePosted(
            trials.stream()
                .map(t -> t.dates().lastUpdatePosted())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null))
        .leadSponsor(first(trials, t -> t.sponsors().leadSponsor()))
        .collaborators(union(trials, t -> t.sponsors().collaborators()))
        .conditions(union(trials, t -> t.topic().conditions()))
        .interventions(union(trials, t -> t.arms().interventions()))
        .countries(union(trials, Trial::countries))
        .hasResults(trials.stream().anyMatch(t -> t.results().hasResults()))
        .secondaryIds(union(trials, Trial::secondaryIds))
        .build();
  }

  private static @Nullable String overall(List<Trial> trials) {
    return trials.stream()
        .map(t -> t.status().overallStatus())
        .filter(Objects::nonNull)
        .min(Comparator.comparingInt(s -> ACTIVE_FIRST.contains(s) ? ACTIVE_FIRST.indexOf(s) : 99))
        .orElse(null);
  }

  /** Each state's own wording: {@code NL: Authorised; GB: Not Recruiting}. */
  private static @Nullable String wordings(List<State> states) {
    List<String> wordings = new ArrayList<>();
    for (State state : states) {
      String wording = state.trial().status().registryStatus();
      if (wording != null) {
        wordings.add(state.code() == null ? wording : state.code() + ": " + wording);
      }
    }
    return wordings.isEmpty() ? null : String.join("; ", wordings);
  }

  private static <T> @Nullable T first(List<Trial> trials, Function<Trial, @Nullable T> field) {
    return trials.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static <T> List<T> firstList(List<Trial> trials, Function<Trial, List<T>> field) {
    return trials.stream().map(field).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
  }

  private static @Nullable PartialDate earliest(
      List<Trial> trials, Function<Trial, @Nullable PartialDate> field) {
    return trials.stream()
        .map(field)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private static <T> List<T> union(List<Trial> trials, Function<Trial, List<T>> field) {
    LinkedHashSet<T> all = new LinkedHashSet<>();
    trials.stream().flatMap(t -> Stream.of(field.apply(t))).forEach(all::addAll);
    return List.copyOf(all);
  }
}
