package org.mdmatrials.join;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

/**
 * The registry ids a trial record carries, normalised so that the same trial's ids match across
 * registries: {@code NCT01234567}, {@code ISRCTN12345678}, {@code ACTRN12619000123456}, EudraCT
 * numbers ({@code 2019-001234-56}) and CTIS numbers ({@code 2023-508143-51-01}). Ids are recognised
 * by their form, whatever type the registry filed them under, because registries file them loosely
 * (an NCT number in ISRCTN's "secondary numbers", say). Sponsors' protocol numbers are not registry
 * ids and never join trials.
 */
public final class TrialIds {
  private static final Pattern REGISTRY_ID =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:"
              + "(?<nct>NCT)[\\s-]*(?<nctNumber>\\d{8})"
              + "|(?<isrctn>ISRCTN)[\\s-]*(?<isrctnNumber>\\d{8})"
              + "|(?<actrn>ACTRN)[\\s-]*(?<actrnNumber>\\d{14})"
              + "|(?<ctis>\\d{4}-\\d{6}-\\d{2}-\\d{2})"
              + "|(?<eudract>\\d{4}-\\d{6}-\\d{2})(?!-?\\d)"
              + ")(?![A-Za-z0-9])",
          Pattern.CASE_INSENSITIVE);

  private TrialIds() {}

  /** The trial's own id and every registry id among its secondary ids, normalised, in order. */
  public static Set<String> of(Trial trial) {
    Set<String> ids = new LinkedHashSet<>(normalise(trial.trialId()));
    for (SecondaryId secondary : trial.secondaryIds()) {
      ids.addAll(normalise(secondary.id()));
    }
    return ids;
  }

  /** Every registry id in {@code text}, normalised; empty when it holds none. */
  public static Set<String> normalise(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = REGISTRY_ID.matcher(text);
    while (m.find()) {
      if (m.group("nct") != null) {
        ids.add("NCT" + m.group("nctNumber"));
      } else if (m.group("isrctn") != null) {
        ids.add("ISRCTN" + m.group("isrctnNumber"));
      } else if (m.group("actrn") != null) {
        ids.add("ACTRN" + m.group("actrnNumber"));
      } else if (m.group("ctis") != null) {
        ids.add(m.group("ctis"));
      } else {
        ids.add(m.group("eudract"));
      }
    }
    return ids;
  }
}
