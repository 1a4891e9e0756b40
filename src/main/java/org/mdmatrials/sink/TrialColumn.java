package org.mdmatrials.sink;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;

/**
 * The columns of {@code trials.csv} and of the {@code trials} table, in order: one definition for
 * both, so the two files always agree. Several values in one cell are joined with "; ".
 */
public enum TrialColumn {
  TRIAL_ID(Type.TEXT, r -> r.trial().trialId()),
  REGISTRY(Type.TEXT, r -> r.trial().registry().code()),
  URL(Type.TEXT, r -> r.trial().origin().url()),
  TITLE(Type.TEXT, r -> r.trial().titles().title()),
  OFFICIAL_TITLE(Type.TEXT, r -> r.trial().titles().officialTitle()),
  ACRONYM(Type.TEXT, r -> r.trial().titles().acronym()),
  MDMA_ROLE(Type.TEXT, r -> r.classification().mdmaRole().name()),
  PRIMARY_CATEGORY(Type.TEXT, r -> r.classification().primaryCategory().name()),
  CATEGORIES(
      Type.TEXT,
      r -> join(r.classification().categories().stream().map(m -> m.category().name()).toList())),
  CATEGORY_EVIDENCE(Type.TEXT, r -> emptyToNull(r.classification().evidence())),
  OVERALL_STATUS(Type.TEXT, r -> r.trial().status().overallStatus()),
  PHASES(Type.TEXT, r -> join(r.trial().design().phases())),
  STUDY_TYPE(Type.TEXT, r -> r.trial().design().studyType()),
  ENROLLMENT(Type.INTEGER, r -> r.trial().design().enrollment()),
  ENROLLMENT_TYPE(Type.TEXT, r -> r.trial().design().enrollmentType()),
  START_DATE(Type.TEXT, r -> text(r.trial().dates().startDate())),
  PRIMARY_COMPLETION_DATE(Type.TEXT, r -> text(r.trial().dates().primaryCompletionDate())),
  COMPLETION_DATE(Type.TEXT, r -> text(r.trial().dates().completionDate())),
  FIRST_POSTED(Type.TEXT, r -> text(r.trial().dates().firstPosted())),
  LAST_UPDATE_POSTED(Type.TEXT, r -> text(r.trial().dates().lastUpdatePosted())),
  LEAD_SPONSOR(Type.TEXT, r -> r.trial().sponsors().leadSponsor()),
  COLLABORATORS(Type.TEXT, r -> join(r.trial().sponsors().collaborators())),
  CONDITIONS(Type.TEXT, r -> join(r.trial().topic().conditions())),
  KEYWORDS(Type.TEXT, r -> join(r.trial().topic().keywords())),
  INTERVENTIONS(
      Type.TEXT,
      r -> join(r.trial().arms().interventions().stream().map(Intervention::label).toList())),
  COUNTRIES(Type.TEXT, r -> join(r.trial().countries())),
  HAS_RESULTS(Type.INTEGER, r -> r.trial().results().hasResults() ? 1 : 0),
  SECONDARY_IDS(
      Type.TEXT, r -> join(r.trial().secondaryIds().stream().map(SecondaryId::label).toList())),
  SOURCE_VERSION(Type.TEXT, r -> r.trial().origin().sourceVersion()),
  HARVESTED_AT(Type.TEXT, r -> r.harvestedAt().toString()),
  REGISTRY_STATUS(Type.TEXT, r -> r.trial().status().registryStatus()),
  LINKED_IDS(Type.TEXT, r -> join(r.linkedIds())),
  SOURCE_STATUS(Type.TEXT, TrialRow::sourceStatus),
  // The columns below came later; they follow the others so that every column keeps its place.
  PRIMARY_OUTCOMES(Type.TEXT, r -> Outcome.cell(r.trial().design().primaryOutcomes())),
  RESULTS_STATUS(Type.TEXT, r -> r.resultsStatus().name()),
  RESULTS_FIRST_POSTED(Type.TEXT, r -> text(r.trial().results().resultsFirstPosted())),
  PUBLICATIONS(Type.TEXT, r -> join(r.trial().results().publications())),
  WHY_STOPPED(Type.TEXT, r -> r.trial().status().whyStopped()),
  STATUS_VERIFIED(Type.TEXT, r -> text(r.trial().status().statusVerified())),
  MIN_AGE(Type.TEXT, r -> r.trial().design().eligibility().minAge()),
  MAX_AGE(Type.TEXT, r -> r.trial().design().eligibility().maxAge()),
  SEX(Type.TEXT, r -> r.trial().design().eligibility().sex()),
  HEALTHY_VOLUNTEERS(Type.INTEGER, r -> flag(r.trial().design().eligibility().healthyVolunteers())),
  ALLOCATION(Type.TEXT, r -> r.trial().design().allocation()),
  MASKING(Type.TEXT, r -> r.trial().design().masking()),
  PRIMARY_PURPOSE(Type.TEXT, r -> r.trial().design().primaryPurpose());

  /** Every column's name, in order: trials.csv's header, and the trials table's columns. */
  public static final List<String> NAMES =
      Stream.of(values()).map(TrialColumn::columnName).toList();

  /** How a column is stored in SQLite. */
  public enum Type {
    TEXT,
    INTEGER
  }

  private final Type type;

  // Each is a stateless lambda over the row.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Function<TrialRow, @Nullable Object> value;

  TrialColumn(Type type, Function<TrialRow, @Nullable Object> value) {
    this.type = type;
    this.value = value;
  }

  /** The column's name in the CSV header and the table: {@code trial_id}. */
  public String columnName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Type type() {
    return type;
  }

  /** This column's cell in a row of every column in order, as the snapshot's readers hand on. */
  // The columns' order is the rows' order: that is what the ordinal stands for here.
  @SuppressWarnings("EnumOrdinal")
  public @Nullable Object in(List<? extends @Nullable Object> row) {
    return row.get(ordinal());
  }

  /** The cell: a String, an Integer, or null when the registry gave nothing. */
  public @Nullable Object valueOf(TrialRow row) {
    return value.apply(row);
  }

  private static @Nullable String join(List<@Nullable String> values) {
    return values.isEmpty()
        ? null
        : String.join("; ", values.stream().filter(Objects::nonNull).toList());
  }

  private static @Nullable String text(@Nullable PartialDate date) {
    return date == null ? null : date.toString();
  }

  private static @Nullable Integer flag(@Nullable Boolean value) {
    return value == null ? null : value ? 1 : 0;
  }

  private static @Nullable String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
