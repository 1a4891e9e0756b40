package org.mdmatrials.source.ictrp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.source.MalformedRecordException;

/**
 * The dates of an export, in the shapes its registries write them: {@code 20240408} ({@code
 * Date_registration3}), {@code 2021-09-20} and {@code 2016/12/06} year first, {@code 08/04/2024}
 * day first (every numeric date but the export's own is day first), {@code April 25, 2024} and
 * {@code January 2022} (ClinicalTrials.gov's), {@code 20 May 2024} ({@code Last_Refreshed_on}). As
 * precise as given: a month stays a month.
 */
final class Dates {
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_YEAR = Pattern.compile("(\\p{L}+)\\.?,?\\s+(\\d{4})");
  private static final Map<String, Integer> MONTHS = months();

  /** The export's own time: month first, 24-hour (2024) or 12-hour (2020) clock. */
  private static final DateTimeFormatter EXPORTED =
      new DateTimeFormatterBuilder()
          .appendPattern("M/d/uuuu ")
          .optionalStart()
          .appendPattern("H:mm:ss")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private static final DateTimeFormatter EXPORTED_12_HOUR =
      DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.ENGLISH);

  private Dates() {}

  /**
   * The date {@code raw} writes, or null when it is not given; {@code 01/01/1900}, which some
   * registries (JPRN, CRIS, NL-OMON) send for a date they do not have, is not given.
   *
   * @throws MalformedRecordException at {@code path}, when it is a date in no shape known
   */
  static @Nullable PartialDate parse(@Nullable String raw, String path)
      throws MalformedRecordException {
    String text = Texts.line(raw);
    if (text == null) {
      return null;
    }
    try {
      PartialDate date = read(text);
      if (date != null) {
        return date.year() == 1900 ? null : date;
      }
    } catch (DateTimeException e) {
      // a shape known, but no day on the calendar: refused below
    }
    throw new MalformedRecordException(
        path,
        "a date such as 20240408, 2021-09-20, 08/04/2024 (day first), April 25, 2024 or"
            + " 20 May 2024",
        "\"" + text + "\"");
  }

  /** One shape a date is written in, and the date a match of it writes. */
  private record Shape(Pattern pattern, Function<Matcher, @Nullable PartialDate> date) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(COMPACT, m -> day(m.group(1), m.group(2), m.group(3))),
          new Shape(YEAR_FIRST, m -> day(m.group(1), m.group(2), m.group(3))),
          new Shape(DAY_FIRST, m -> day(m.group(3), m.group(2), m.group(1))),
          new Shape(YEAR_MONTH, m -> month(m.group(1), m.group(2))),
          new Shape(YEAR, m -> new PartialDate(Integer.parseInt(m.group()), 0, 0)),
          new Shape(MONTH_DAY_YEAR, m -> named(m.group(3), m.group(1), m.group(2))),
          new Shape(DAY_MONTH_YEAR, m -> named(m.group(3), m.group(2), m.group(1))),
          new Shape(MONTH_YEAR, m -> named(m.group(2), m.group(1), null)));

  private static @Nullable PartialDate read(String text) {
    for (Shape shape : SHAPES) {
      Matcher m = shape.pattern().matcher(text);
      PartialDate date = m.matches() ? shape.date().apply(m) : null;
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  /**
   * The export's date and time ({@code 06/09/2024 16:01:13}, {@code 3/18/2020 6:53:35 PM}) as ISO
   * 8601 ({@code 2024-06-09T16:01:13}), or the text as given when it is neither.
   */
  static @Nullable String exported(@Nullable String raw) {
    String text = Texts.line(raw);
    if (text == null) {
      return null;
    }
    for (DateTimeFormatter format : new DateTimeFormatter[] {EXPORTED_12_HOUR, EXPORTED}) {
      try {
        var parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
        return parsed instanceof LocalDateTime time ? ISO.format(time) : parsed.toString();
      } catch (DateTimeParseException e) {
        // the next shape
      }
    }
    return text;
  }

  private static PartialDate day(String year, String month, String day) {
    LocalDate date =
        LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  private static PartialDate month(String year, String month) {
    int number = Integer.parseInt(month);
    if (number < 1 || number > 12) {
      throw new DateTimeException("no month " + month);
    }
    return new PartialDate(Integer.parseInt(year), number, 0);
  }

  /** A date with its month named ({@code April}, {@code Apr}); null when the word is no month. */
  private static @Nullable PartialDate named(String year, String monthName, @Nullable String day) {
    Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    return day == null
        ? new PartialDate(Integer.parseInt(year), month, 0)
        : day(year, String.valueOf(month), day);
  }

  private static Map<String, Integer> months() {
    String[] names = {
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december"
    };
    Map<String, Integer> months = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      months.put(names[i], i + 1);
      months.put(names[i].substring(0, 3), i + 1);
    }
    months.put("sept", 9);
    return Map.copyOf(months);
  }
}
