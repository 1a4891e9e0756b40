package org.mdmatrials.classify;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.classify.CategoryRules.Field;
import org.mdmatrials.classify.CategoryRules.Rule;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.CategoryMatch.Evidence;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Trial;

/**
 * Sorts a trial into the indication categories its registered text supports, with the text that
 * supports each, and tells whether the trial studies MDMA or only mentions it. A trial of healthy
 * volunteers only is OTHER whatever its text names ({@link HealthyVolunteerRule}).
 */
public final class Classifier {
  private static final String DASH = "\\-\\u2010-\\u2015\\u2212";
  private static final String GAP = "[\\s\\u00A0" + DASH + "]";
  private static final String WORD_CHAR = "[\\p{L}\\p{N}]";
  private static final Pattern SEPARATOR = Pattern.compile(GAP + "+");

  private final TermGroup mdmaNames;
  private final List<CompiledRule> rules;
  private final HealthyVolunteerRule healthyVolunteers;

  /** Compiles every pattern the rules need, once; {@link #classify} compiles none. */
  public Classifier(CategoryRules rules) {
    this.mdmaNames = TermGroup.of(rules.mdmaNames());
    this.rules = rules.precedence().stream().map(c -> CompiledRule.of(rules.rule(c))).toList();
    this.healthyVolunteers = HealthyVolunteerRule.of(rules.healthyVolunteers());
  }

  /**
   * Every category {@code trial} fits, most specific first, or the single category OTHER: with no
   * evidence when no rule matched, or with the healthy-volunteer rule's and the categories it set
   * aside.
   */
  public Classification classify(Trial trial) {
    Map<Field, List<Text>> texts = texts(trial);
    List<CategoryMatch> matches = new ArrayList<>();
    for (CompiledRule rule : rules) {
      rule.match(texts)
          .ifPresent(evidence -> matches.add(new CategoryMatch(rule.category, evidence)));
    }
    if (matches.isEmpty()) {
      matches.add(new CategoryMatch(Indication.OTHER, List.of()));
    } else {
      healthyVolunteers
          .evidence(trial, texts)
          .ifPresent(
              evidence -> {
                List<Evidence> why = new ArrayList<>(evidence);
                matches.forEach(m -> why.add(new Evidence("set aside", m.category().name())));
                matches.clear();
                matches.add(new CategoryMatch(Indication.OTHER, why));
              });
    }
    return new Classification(mdmaRole(trial), matches);
  }

  private MdmaRole mdmaRole(Trial trial) {
    Stream<@Nullable String> arms =
        trial.arms().armGroups().stream()
            .flatMap(a -> Stream.concat(Stream.of(a.label()), a.interventionNames().stream()));
    Stream<@Nullable String> titles = titles(trial);
    boolean named =
        Stream.of(interventionNames(trial), arms, titles)
            .flatMap(s -> s)
            .anyMatch(text -> text != null && mdmaNames.foundIn(Text.of(text)));
    return named ? MdmaRole.INTERVENTION : MdmaRole.MENTIONED;
  }

  /** The trial's texts by the field they are searched in. */
  private static Map<Field, List<Text>> texts(Trial trial) {
    Map<Field, List<Text>> texts = new EnumMap<>(Field.class);
    var topic = trial.topic();
    texts.put(Field.CONDITIONS, present(topic.conditions().stream()));
    texts.put(Field.MESH_TERMS, present(topic.conditionMeshTerms().stream()));
    texts.put(Field.KEYWORDS, present(topic.keywords().stream()));
    texts.put(Field.TITLES, present(titles(trial)));
    texts.put(
        Field.INTERVENTIONS,
        present(
            Stream.concat(
                interventionNames(trial), trial.arms().armGroups().stream().map(ArmGroup::label))));
    texts.put(Field.SUMMARY, present(Stream.of(topic.briefSummary())));
    return texts;
  }

  private static Stream<@Nullable String> titles(Trial trial) {
    var titles = trial.titles();
    return Stream.of(titles.title(), titles.officialTitle(), titles.acronym());
  }

  private static Stream<@Nullable String> interventionNames(Trial trial) {
    return trial.arms().interventions().stream()
        .flatMap(i -> Stream.concat(Stream.of(i.name()), i.otherNames().stream()));
  }

  private static List<Text> present(Stream<? extends @Nullable String> texts) {
    return texts.filter(t -> t != null && !t.isBlank()).map(Text::of).toList();
  }

  /**
   * One pattern finding any of {@code terms} as whole words, ignoring case and hyphenation; the
   * longest terms come first so that the longest match is the one quoted.
   */
  private static Pattern compile(List<String> terms) {
    String alternatives =
        terms.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Classifier::termRegex)
            .collect(joining("|"));
    // Lookarounds rather than \b: terms may start or end with digits or punctuation.
    return Pattern.compile(
        "(?<!" + WORD_CHAR + ")(?:" + alternatives + ")(?!" + WORD_CHAR + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String termRegex(String term) {
    StringBuilder regex = new StringBuilder();
    Matcher separator = SEPARATOR.matcher(term);
    int start = 0;
    while (separator.find()) {
      regex.append(Pattern.quote(term.substring(start, separator.start())));
      // A hyphen also matches a dash, a space or nothing ("posttraumatic"); a space matches any
      // run of spaces and dashes ("end-of-life" for "end of life").
      boolean hyphen = separator.group().codePoints().allMatch(Classifier::isDash);
      regex.append(GAP).append(hyphen ? "?" : "+");
      start = separator.end();
    }
    return regex.append(Pattern.quote(term.substring(start))).toString();
  }

  private static boolean isDash(int c) {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
  }

  /** One category's rule with its term groups compiled and its fields in a fixed order. */
  record CompiledRule(
      Indication category, List<TermGroup> groups, List<Field> strong, List<Field> weak) {

    static CompiledRule of(Rule rule) {
      return new CompiledRule(
          rule.category(),
          rule.allOf().stream().map(TermGroup::of).toList(),
          ordered(rule.fields()),
          ordered(rule.weakFields()));
    }

    static List<Field> ordered(Set<Field> fields) {
      return Stream.of(Field.values()).filter(fields::contains).toList();
    }

    /**
     * The evidence when every group is found and one of them in a strong field. A group found in a
     * strong field is quoted from there only: the summary is quoted only where it was needed.
     */
    Optional<List<Evidence>> match(Map<Field, List<Text>> texts) {
      Set<Evidence> evidence = new LinkedHashSet<>();
      boolean strongFound = false;
      for (TermGroup group : groups) {
        List<Evidence> found = find(group, strong, texts);
        if (found.isEmpty()) {
          found = find(group, weak, texts);
        } else {
          strongFound = true;
        }
        if (found.isEmpty()) {
          return Optional.empty();
        }
        evidence.addAll(found);
      }
      return strongFound ? Optional.of(List.copyOf(evidence)) : Optional.empty();
    }
  }

  /** Every text the group's terms are found in, in {@code fields}, as evidence. */
  static List<Evidence> find(TermGroup group, List<Field> fields, Map<Field, List<Text>> texts) {
    List<Evidence> found = new ArrayList<>();
    for (Field field : fields) {
      for (Text text : texts.getOrDefault(field, List.of())) {
        if (!group.mayBeIn(text)) {
          continue;
        }
        Matcher matcher = group.pattern.matcher(text.value);
        while (matcher.find()) {
          found.add(new Evidence(field.label(), matcher.group()));
        }
      }
    }
    return found;
  }

  /**
   * Alternative terms compiled into one pattern, with a cheap test that rules most texts out before
   * the pattern runs: each term's longest piece between hyphens and spaces, case-folded. Any match
   * contains one of these pieces, so a text containing none cannot match.
   */
  record TermGroup(Pattern pattern, List<String> pieces) {
    static TermGroup of(List<String> terms) {
      List<String> pieces =
          terms.stream().map(term -> fold(longestPiece(term))).distinct().toList();
      return new TermGroup(compile(terms), pieces);
    }

    private static String longestPiece(String term) {
      return Stream.of(SEPARATOR.split(term))
          .max(Comparator.comparingInt(String::length))
          .orElse("");
    }

    boolean mayBeIn(Text text) {
      for (String piece : pieces) {
        if (text.folded.contains(piece)) {
          return true;
        }
      }
      return false;
    }

    boolean foundIn(Text text) {
      return mayBeIn(text) && pattern.matcher(text.value).find();
    }
  }

  /** A text of the trial and its case-folded form. */
  record Text(String value, String folded) {
    static Text of(String value) {
      return new Text(value, fold(value));
    }
  }

  /** Folds case the way CASE_INSENSITIVE with UNICODE_CASE compares characters. */
  private static String fold(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints()
            .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return folded.toString();
      }
    }
    // Most registry text is ASCII, where folding is lower-casing: much the faster way.
    return text.toLowerCase(Locale.ROOT);
  }
}
