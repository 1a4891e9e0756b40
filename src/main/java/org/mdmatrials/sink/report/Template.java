package org.mdmatrials.sink.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A piece of HTML with named slots, {@code {{name}}}. A value put into a slot is escaped unless it
 * is {@link Markup}, so registry text is safe by default; a number is written as it is, null as
 * nothing.
 */
final class Template {
  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final List<String> literals = new ArrayList<>();
  private final List<String> slots = new ArrayList<>();

  private Template(String html) {
    Matcher m = SLOT.matcher(html);
    int from = 0;
    while (m.find()) {
      literals.add(html.substring(from, m.start()));
      slots.add(m.group(1));
      from = m.end();
    }
    literals.add(html.substring(from));
  }

  static Template of(String html) {
    return new Template(html);
  }

  /**
   * The HTML with every slot filled.
   *
   * @param namesAndValues slot name, value, slot name, value …; every slot must be named, and only
   *     slots
   */
  Markup fill(@Nullable Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected slot names and values in pairs");
    }
    Map<String, @Nullable Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      if (!slots.contains(name)) {
        throw new IllegalArgumentException("the template has no slot " + name);
      }
      values.put(name, namesAndValues[i + 1]);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < slots.size(); i++) {
      out.append(literals.get(i));
      if (!values.containsKey(slots.get(i))) {
        throw new IllegalArgumentException("no value for slot " + slots.get(i));
      }
      out.append(html(values.get(slots.get(i))));
    }
    out.append(literals.get(literals.size() - 1));
    return new Markup(out.toString());
  }

  private static String html(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Markup markup) {
      return markup.html();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    return Markup.escape(value.toString()).html();
  }
}
