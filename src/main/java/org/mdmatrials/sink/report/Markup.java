package org.mdmatrials.sink.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTML that the report's own code wrote: a {@link Template} inserts it as it is, and escapes
 * everything else. Registry text becomes markup only through {@link #escape}.
 */
record Markup(String html) {
  static final Markup EMPTY = new Markup("");

  /** {@code text} with every character that means something in HTML escaped. */
  static Markup escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return new Markup(out.toString());
  }

  static Markup join(List<Markup> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(p -> out.append(p.html()));
    return new Markup(out.toString());
  }

  /**
   * A link to a registry's page when {@code url} is an http or https address; the plain text
   * otherwise, so that no registry value can become a {@code javascript:} link.
   */
  static Markup link(String text, @Nullable String url) {
    String address = url == null ? "" : url.strip();
    String scheme = address.toLowerCase(Locale.ROOT);
    if (scheme.startsWith("https://") || scheme.startsWith("http://")) {
      return LINK.fill("url", address, "text", text);
    }
    return escape(text);
  }

  private static final Template LINK = Template.of("<a href=\"{{url}}\">{{text}}</a>");
}
