package org.mdmatrials.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Registry;
import org.mdmatrials.core.SourceSummary;
import org.mdmatrials.source.HarvestScope;
import org.mdmatrials.store.PreviousSnapshot;

/**
 * Decides, per registry, between a full harvest and an incremental one: full when asked, when there
 * is no earlier snapshot holding the registry's records, when that snapshot was written in an
 * earlier schema (its records lack facts this version keeps), or when the last full harvest is
 * older than the configured interval; otherwise only the records updated since the day before the
 * earlier snapshot's data, a day of overlap guarding against records posted late that day.
 */
final class HarvestPlan {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private final Optional<PreviousSnapshot> previous;
  private final boolean forceFull;
  private final Duration fullEvery;
  private final Instant now;

  HarvestPlan(
      Optional<PreviousSnapshot> previous, boolean forceFull, Duration fullEvery, Instant now) {
    this.previous = previous;
    this.forceFull = forceFull;
    this.fullEvery = fullEvery;
    this.now = now;
  }

  HarvestScope scopeFor(Registry registry) {
    Optional<PreviousSnapshot.Source> source = previous.map(p -> p.sources().get(registry));
    if (forceFull
        || source.isEmpty()
        || source.get().records() == 0
        || previous.get().olderSchema()
        || source.get().lastFullHarvest() == null
        || !source.get().lastFullHarvest().plus(fullEvery).isAfter(now)) {
      return HarvestScope.full();
    }
    return HarvestScope.updatedSince(dataDay(source.get().sourceVersion()).minusDays(1));
  }

  /** When the registry was last harvested in full, counting this run's harvest. */
  @Nullable Instant lastFullHarvest(
      Registry registry, @Nullable SourceSummary summary, Instant started) {
    if (summary != null && summary.full()) {
      return started;
    }
    return previous
        .map(p -> p.sources().get(registry))
        .map(PreviousSnapshot.Source::lastFullHarvest)
        .orElse(null);
  }

  /** The day of the earlier snapshot's data: the registry's data version, or else its run's day. */
  private LocalDate dataDay(@Nullable String sourceVersion) {
    if (sourceVersion != null && DATE.matcher(sourceVersion).matches()) {
      return LocalDate.parse(sourceVersion.substring(0, 10));
    }
    return LocalDate.ofInstant(previous.orElseThrow().startedAt(), ZoneOffset.UTC);
  }
}
