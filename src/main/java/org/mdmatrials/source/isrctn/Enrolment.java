package org.mdmatrials.source.isrctn;

import java.util.regex.Pattern;

/**
 * The enrolment: the final one when the record gives more than none (ISRCTN shows 0 for trials
 * still recruiting), else the target; a count written as text is left out (it stays in the
 * payload).
 */
record Enrolment(Integer count, String type) {
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

  static Enrolment of(XmlElement participants) {
    Integer actual = count(participants.text("totalFinalEnrolment"));
    if (actual != null && actual > 0) {
      return new Enrolment(actual, "ACTUAL");
    }
    Integer target = count(participants.text("targetEnrolment"));
    return target == null ? new Enrolment(null, null) : new Enrolment(target, "ESTIMATED");
  }

  private static Integer count(String text) {
    return text != null && COUNT.matcher(text).matches() ? Integer.valueOf(text) : null;
  }
}
