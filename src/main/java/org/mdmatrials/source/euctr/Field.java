package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields of a member-state record that are read, keyed by their code ({@code E.7.1}). Where the
 * register gives several lines one code ({@code E.1.2 Term}, {@code E.1.2 Level} …; {@code P. …}),
 * the label must match too; elsewhere the code alone decides, so that a reworded label (the A.5
 * identifiers have been worded differently over the years) is still read. The summary block at the
 * top of a record has no codes and is keyed by label.
 */
enum Field {
  EUDRACT_NUMBER(null, "EudraCT Number"),
  SUMMARY_PROTOCOL_CODE(null, "Sponsor's Protocol Code Number"),
  NATIONAL_COMPETENT_AUTHORITY(null, "National Competent Authority"),
  TRIAL_STATUS(null, "Trial Status"),
  FIRST_ENTERED(null, "Date on which this record was first entered in the EudraCT database"),
  LINK(null, "Link"),
  MEMBER_STATE("A.1", null),
  A2_EUDRACT_NUMBER("A.2", null),
  FULL_TITLE("A.3", null),
  LAY_TITLE("A.3.1", null),
  ABBREVIATED_TITLE("A.3.2", null),
  PROTOCOL_CODE("A.4.1", null),
  ISRCTN("A.5.1", null),
  NCT("A.5.2", null),
  WHO_UTRN("A.5.3", null),
  OTHER_IDENTIFIERS("A.5.4", null),
  SPONSOR_NAME("B.1.1", null),
  SUPPORT_ORGANISATION("B.4.1", null),
  TRADE_NAME("D.2.1.1.1", null),
  PRODUCT_NAME("D.3.1", null),
  PRODUCT_CODE("D.3.2", null),
  INN("D.3.8", "INN - Proposed INN"),
  SPONSOR_CODE("D.3.9.2", null),
  OTHER_DESCRIPTIVE_NAME("D.3.9.3", null),
  BIOLOGICAL_ORIGIN("D.3.11.2", null),
  ADVANCED_THERAPY("D.3.11.3", null),
  GENE_THERAPY("D.3.11.3.2", null),
  PLACEBO_USED("D.8.1", null),
  CONDITION("E.1.1", null),
  LAY_CONDITION("E.1.1.1", null),
  MEDDRA_TERM("E.1.2", "Term"),
  MAIN_OBJECTIVE("E.2.1", null),
  PRIMARY_END_POINT("E.5.1", null),
  PRIMARY_END_POINT_TIMEPOINTS("E.5.1.1", null),
  PHASE_1("E.7.1", null),
  PHASE_2("E.7.2", null),
  PHASE_3("E.7.3", null),
  PHASE_4("E.7.4", null),
  RANDOMISED("E.8.1.1", null),
  OPEN("E.8.1.2", null),
  SINGLE_BLIND("E.8.1.3", null),
  DOUBLE_BLIND("E.8.1.4", null),
  PRETERM_NEWBORNS("F.1.1.2", null),
  NEWBORNS("F.1.1.3", null),
  INFANTS("F.1.1.4", null),
  CHILDREN("F.1.1.5", null),
  ADOLESCENTS("F.1.1.6", null),
  ADULTS("F.1.2", null),
  ELDERLY("F.1.3", null),
  FEMALE("F.2.1", null),
  MALE("F.2.2", null),
  HEALTHY_VOLUNTEERS("F.3.1", null),
  PATIENTS("F.3.2", null),
  SUBJECTS_IN_MEMBER_STATE("F.4.1", null),
  SUBJECTS_IN_WHOLE_TRIAL("F.4.2.2", null),
  END_OF_TRIAL_STATUS("P.", "End of Trial Status"),
  GLOBAL_END_DATE("P.", "Date of the global end of the trial");

  private static final Map<String, List<Field>> BY_CODE =
      Stream.of(values())
          .filter(f -> f.code != null)
          .collect(Collectors.groupingBy(f -> f.code, Collectors.toCollection(ArrayList::new)));

  private final String code;
  private final String label;

  Field(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The field a coded line holds, or null for a line that is not read. */
  static Field coded(String code, String label) {
    for (Field field : BY_CODE.getOrDefault(code, List.of())) {
      if (field.label == null || field.label.equalsIgnoreCase(label)) {
        return field;
      }
    }
    return null;
  }

  /** The field a line of the summary block holds, or null for a line that is not read. */
  static Field summary(String label) {
    for (Field field : values()) {
      if (field.code == null && field.label.equalsIgnoreCase(label)) {
        return field;
      }
    }
    return null;
  }

  /** The section letter ({@code B} for sponsors, {@code D} for IMPs), or none for the summary. */
  char section() {
    return code == null ? ' ' : code.toUpperCase(Locale.ROOT).charAt(0);
  }
}
