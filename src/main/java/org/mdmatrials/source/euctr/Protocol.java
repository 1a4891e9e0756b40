package org.mdmatrials.source.euctr;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.TrialBuilder;

/**
 * What the member-state records of a trial say of its design (E.8.1), who may take part (F.1 to
 * F.3) and its primary end point (E.5.1), in ClinicalTrials.gov's words. A Yes in any record
 * counts: the records differ only where a member state amended its own.
 */
final class Protocol {
  /**
   * The age ranges of F.1, youngest first, each with its bounds as the register labels them
   * ("Adults (18-64 years)"). In utero (F.1.1.1) has no age, and sets neither bound.
   */
  private static final List<Map.Entry<Field, String[]>> AGES =
      List.of(
          Map.entry(Field.PRETERM_NEWBORNS, new String[] {"0 Days", "27 Days"}),
          Map.entry(Field.NEWBORNS, new String[] {"0 Days", "27 Days"}),
          Map.entry(Field.INFANTS, new String[] {"28 Days", "23 Months"}),
          Map.entry(Field.CHILDREN, new String[] {"2 Years", "11 Years"}),
          Map.entry(Field.ADOLESCENTS, new String[] {"12 Years", "17 Years"}),
          Map.entry(Field.ADULTS, new String[] {"18 Years", "64 Years"}),
          Map.entry(Field.ELDERLY, new String[] {"65 Years", null}));

  private Protocol() {}

  static TrialBuilder set(TrialBuilder trial, List<NationalRecord> records) {
    return trial
        .allocation(answer(records, Field.RANDOMISED, "RANDOMIZED", "NON_RANDOMIZED"))
        .masking(masking(records))
        .eligibility(eligibility(records))
        .primaryOutcomes(primaryEndPoint(records));
  }

  /** DOUBLE, SINGLE or NONE (open), whichever the records say Yes to first in that order. */
  private static String masking(List<NationalRecord> records) {
    if (yes(records, Field.DOUBLE_BLIND)) {
      return "DOUBLE";
    }
    if (yes(records, Field.SINGLE_BLIND)) {
      return "SINGLE";
    }
    return yes(records, Field.OPEN) ? "NONE" : null;
  }

  private static Eligibility eligibility(List<NationalRecord> records) {
    List<String[]> ranges =
        AGES.stream().filter(a -> yes(records, a.getKey())).map(Map.Entry::getValue).toList();
    boolean female = yes(records, Field.FEMALE);
    boolean male = yes(records, Field.MALE);
    return new Eligibility(
        ranges.isEmpty() ? null : ranges.get(0)[0],
        ranges.isEmpty() ? null : ranges.get(ranges.size() - 1)[1],
        female && male ? "ALL" : female ? "FEMALE" : male ? "MALE" : null,
        flag(records, Field.HEALTHY_VOLUNTEERS),
        flag(records, Field.PATIENTS));
  }

  /** The first record's primary end point, with its timepoints, as one outcome. */
  private static List<Outcome> primaryEndPoint(List<NationalRecord> records) {
    for (NationalRecord record : records) {
      String endPoint = record.text(Field.PRIMARY_END_POINT);
      if (endPoint != null) {
        return List.of(new Outcome(endPoint, record.text(Field.PRIMARY_END_POINT_TIMEPOINTS)));
      }
    }
    return List.of();
  }

  private static String answer(List<NationalRecord> records, Field field, String yes, String no) {
    Boolean answer = flag(records, field);
    return answer == null ? null : answer ? yes : no;
  }

  /** True when a record says Yes, false when records answer and none says Yes, else null. */
  private static Boolean flag(List<NationalRecord> records, Field field) {
    if (yes(records, field)) {
      return Boolean.TRUE;
    }
    boolean answered = records.stream().map(r -> r.first(field)).anyMatch(Objects::nonNull);
    return answered ? Boolean.FALSE : null;
  }

  private static boolean yes(List<NationalRecord> records, Field field) {
    return records.stream().anyMatch(r -> r.yes(field));
  }
}
