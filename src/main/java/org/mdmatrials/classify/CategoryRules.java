package org.mdmatrials.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mdmatrials.core.Indication;

/**
 * The rules the classifier sorts trials by: the names MDMA goes by, the order categories are
 * reported in, for each category the terms that must be found in a trial's fields, and what shows
 * that a trial takes only healthy volunteers.
 */
public record CategoryRules(
    List<String> mdmaNames,
    List<Indication> precedence,
    List<Rule> categories,
    HealthyVolunteers healthyVolunteers) {

  /** The categories a trial can be sorted into by a rule; OTHER is what is left. */
  static final Set<Indication> CATEGORIES =
      EnumSet.of(
          Indication.PTSD,
          Indication.ANXIETY_LIFE_THREATENING_ILLNESS,
          Indication.SOCIAL_ANXIETY,
          Indication.COUPLES_THERAPY);

  public CategoryRules {
    mdmaNames = terms("mdma-names", mdmaNames);
    precedence = checkPrecedence(precedence);
    categories = checkRules(categories);
    Objects.requireNonNull(healthyVolunteers, "healthyVolunteers");
  }

  /** Rules without terms for healthy volunteers: only a registry's own word can show them. */
  public CategoryRules(List<String> mdmaNames, List<Indication> precedence, List<Rule> categories) {
    this(mdmaNames, precedence, categories, HealthyVolunteers.NONE);
  }

  /** The rule for {@code category}. */
  public Rule rule(Indication category) {
    return categories.stream()
        .filter(r -> r.category() == category)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No rule for " + category));
  }

  private static List<Indication> checkPrecedence(List<Indication> precedence) {
    Objects.requireNonNull(precedence, "precedence");
    Set<Indication> seen = EnumSet.noneOf(Indication.class);
    for (int i = 0; i < precedence.size(); i++) {
      Indication category = precedence.get(i);
      String key = "precedence[" + i + "]";
      if (category == null || !CATEGORIES.contains(category)) {
        throw new IllegalArgumentException(key + ": " + notACategory(category));
      }
      if (!seen.add(category)) {
        throw new IllegalArgumentException(key + ": " + category + " is listed twice");
      }
    }
    requireAll("precedence", seen);
    return List.copyOf(precedence);
  }

  private static List<Rule> checkRules(List<Rule> rules) {
    Objects.requireNonNull(rules, "rules");
    Set<Indication> seen = EnumSet.noneOf(Indication.class);
    for (Rule rule : rules) {
      Objects.requireNonNull(rule, "rule");
      if (!seen.add(rule.category())) {
        throw new IllegalArgumentException(rule.key() + ": defined twice");
      }
    }
    requireAll("categories", seen);
    return List.copyOf(rules);
  }

  private static void requireAll(String key, Set<Indication> seen) {
    Set<Indication> missing = EnumSet.copyOf(CATEGORIES);
    missing.removeAll(seen);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(key + ": missing " + missing);
    }
  }

  /** {@code expected one of PTSD, ... but was OTHER}. */
  static String notACategory(Object found) {
    return "expected one of " + categoryNames() + " but was " + found;
  }

  /** {@code PTSD, ANXIETY_LIFE_THREATENING_ILLNESS, SOCIAL_ANXIETY, COUPLES_THERAPY}. */
  static String categoryNames() {
    return String.join(", ", CATEGORIES.stream().map(Indication::name).toList());
  }

  /** A non-empty copy of {@code terms}, each stripped and none blank. */
  static List<String> terms(String key, List<String> terms) {
    if (terms == null || terms.isEmpty()) {
      throw new IllegalArgumentException(key + ": empty term list");
    }
    List<String> stripped = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      if (term == null || term.isBlank()) {
        throw new IllegalArgumentException(key + "[" + i + "]: blank term");
      }
      stripped.add(term.strip());
    }
    return List.copyOf(stripped);
  }

  /**
   * What makes a trial fit one category: every group in {@code allOf} has one of its terms in the
   * trial's {@code fields} or {@code weakFields}, and at least one group is found in {@code
   * fields}.
   */
  public record Rule(
      Indication category, List<List<String>> allOf, Set<Field> fields, Set<Field> weakFields) {

    public Rule {
      if (category == null || !CATEGORIES.contains(category)) {
        throw new IllegalArgumentException("categories: " + notACategory(category));
      }
      String key = "categories." + category;
      allOf = groups(key + ".all-of", allOf);
      fields = fieldSet(key + ".fields", fields);
      weakFields = weakFields == null ? Set.of() : Set.copyOf(weakFields);
      if (fields.isEmpty()) {
        throw new IllegalArgumentException(key + ".fields: no field to search");
      }
      for (Field field : weakFields) {
        if (fields.contains(field)) {
          throw new IllegalArgumentException(
              key + ".weak-fields: " + field.key() + " is also in fields");
        }
      }
    }

    String key() {
      return "categories." + category;
    }

    private static List<List<String>> groups(String key, List<List<String>> groups) {
      if (groups == null || groups.isEmpty()) {
        throw new IllegalArgumentException(key + ": no term group");
      }
      List<List<String>> copy = new ArrayList<>(groups.size());
      for (int i = 0; i < groups.size(); i++) {
        copy.add(terms(key + "[" + i + "]", groups.get(i)));
      }
      return List.copyOf(copy);
    }

    private static Set<Field> fieldSet(String key, Set<Field> fields) {
      Objects.requireNonNull(fields, key);
      return Set.copyOf(fields);
    }
  }

  /**
   * What shows, where a registry says healthy volunteers are accepted but not whether patients are,
   * that the trial takes healthy volunteers only: one of {@code terms} in {@code fields}, and none
   * of {@code unless} (patients, healthy controls …).
   */
  public record HealthyVolunteers(Set<Field> fields, List<String> terms, List<String> unless) {
    /** No terms: the registry's own word is needed. */
    public static final HealthyVolunteers NONE =
        new HealthyVolunteers(Set.of(), List.of(), List.of());

    private static final String KEY = "healthy-volunteers";

    public HealthyVolunteers {
      fields = Set.copyOf(Objects.requireNonNull(fields, KEY + ".fields"));
      terms = List.copyOf(Objects.requireNonNull(terms, KEY + ".terms"));
      unless = List.copyOf(Objects.requireNonNull(unless, KEY + ".unless"));
      if (!terms.isEmpty()) {
        terms = CategoryRules.terms(KEY + ".terms", terms);
        if (fields.isEmpty()) {
          throw new IllegalArgumentException(KEY + ".fields: no field to search");
        }
      }
      if (!unless.isEmpty()) {
        unless = CategoryRules.terms(KEY + ".unless", unless);
      }
    }
  }

  /** A part of a trial that terms are searched in, with its name in the rules file. */
  public enum Field {
    CONDITIONS("conditions", "condition"),
    MESH_TERMS("mesh-terms", "MeSH term"),
    KEYWORDS("keywords", "keyword"),
    TITLES("titles", "title"),
    INTERVENTIONS("interventions", "intervention"),
    SUMMARY("summary", "summary");

    private final String key;
    private final String label;

    Field(String key, String label) {
      this.key = key;
      this.label = label;
    }

    /** The name in the rules file: {@code mesh-terms}. */
    public String key() {
      return key;
    }

    /** The name in evidence: {@code MeSH term}. */
    public String label() {
      return label;
    }
  }
}
