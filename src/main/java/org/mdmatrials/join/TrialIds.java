package org.mdmatrials.join;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

/**
 * The registry ids a trial record carries, normalised so that the same trial's ids match across
 * registries: {@code NCT01234567}, {@code ISRCTN12345678}, EudraCT numbers ({@code 2019-001234-56})
 * and so on, in the forms the registries' modules give. Ids are recognised by their form, whatever
 * type the registry filed them under, because registries file them loosely (an NCT number in
 * ISRCTN's "secondary numbers", say). Sponsors' protocol numbers are not registry ids and never
 * join trials.
 */
public final class TrialIds {
  private final List<String> prefixes = new ArrayList<>();
  private final Pattern pattern;

  /** Recognises ids of {@code forms}. */
  public TrialIds(List<IdForm> forms) {
    List<String> alternatives = new ArrayList<>();
    for (IdForm form : forms) {
      add(form, alternatives);
    }
    pattern =
        Pattern.compile(
            "(?<![A-Za-z0-9])(?:" + String.join("|", alternatives) + ")(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);
  }

  private void add(IdForm form, List<String> alternatives) {
    prefixes.add(form.prefix());
    alternatives.add("(?:" + form.pattern() + ")");
  }

  /** The trial's own id and every registry id among its secondary ids, normalised, in order. */
  public Set<String> of(Trial trial) {
    Set<String> ids = new LinkedHashSet<>(normalise(trial.trialId()));
    for (SecondaryId secondary : trial.secondaryIds()) {
      ids.addAll(normalise(secondary.id()));
    }
    return ids;
  }

  /** Every registry id in {@code text}, normalised; empty when it holds none. */
  public Set<String> normalise(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int group = 1; group <= prefixes.size(); group++) {
        String number = m.group(group);
        if (number != null) {
          ids.add(prefixes.get(group - 1) + number);
          break;
        }
      }
    }
    return ids;
  }
}
