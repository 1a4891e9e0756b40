package org.mdmatrials.core;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a registry writes its trials' ids, so that an id found in any text, however spaced or cased,
 * is normalised to one form: the id is {@code prefix} followed by what the pattern's one group
 * captures. {@code NCT} with {@code NCT[\s-]*(\d{8})} reads "nct 04077437" as {@code NCT04077437};
 * an empty prefix with {@code (\d{4}-\d{6}-\d{2})(?!-?\d)} reads EudraCT numbers as written.
 *
 * @param pattern matched ignoring case, as a whole word
 */
public record IdForm(String prefix, String pattern) {
  public IdForm {
    try {
      int groups = Pattern.compile(pattern).matcher("").groupCount();
      if (groups != 1) {
        throw new IllegalArgumentException(
            "Expected one capturing group in the id pattern " + pattern + " but was " + groups);
      }
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Not a regular expression: " + pattern, e);
    }
  }
}
