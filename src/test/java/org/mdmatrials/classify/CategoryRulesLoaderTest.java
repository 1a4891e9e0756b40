package org.mdmatrials.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.classify.CategoryRules.Field;
import org.mdmatrials.core.Indication;

class CategoryRulesLoaderTest {
  private static final String VALID =
      """
      mdma-names: [MDMA, "3,4-methylenedioxymethamphetamine"]
      precedence: [COUPLES_THERAPY, SOCIAL_ANXIETY, ANXIETY_LIFE_THREATENING_ILLNESS, PTSD]
      categories:
        PTSD:
          fields: [conditions, titles]
          all-of:
            - [PTSD, post-traumatic stress]
        ANXIETY_LIFE_THREATENING_ILLNESS:
          fields: [conditions]
          weak-fields: [summary]
          all-of:
            - [anxiety]
            - [cancer]
        SOCIAL_ANXIETY:
          fields: [conditions]
          all-of:
            - [social anxiety]
        COUPLES_THERAPY:
          fields: [conditions, interventions]
          all-of:
            - [conjoint]
      """;

  @TempDir Path dir;

  @Test
  void readsEveryPartOfTheRules() throws Exception {
    CategoryRules rules = CategoryRulesLoader.load(write(VALID));

    assertThat(rules.mdmaNames()).containsExactly("MDMA", "3,4-methylenedioxymethamphetamine");
    assertThat(rules.precedence())
        .containsExactly(
            Indication.COUPLES_THERAPY,
            Indication.SOCIAL_ANXIETY,
            Indication.ANXIETY_LIFE_THREATENING_ILLNESS,
            Indication.PTSD);
    CategoryRules.Rule anxiety = rules.rule(Indication.ANXIETY_LIFE_THREATENING_ILLNESS);
    assertThat(anxiety.allOf()).containsExactly(List.of("anxiety"), List.of("cancer"));
    assertThat(anxiety.fields()).containsExactly(Field.CONDITIONS);
    assertThat(anxiety.weakFields()).containsExactly(Field.SUMMARY);
    assertThat(rules.rule(Indication.PTSD).weakFields()).isEmpty();
  }

  @Test
  void readsTheShippedRules() throws Exception {
    CategoryRules rules = CategoryRulesLoader.load(Path.of("config/categories.yaml"));

    assertThat(rules.precedence().get(0)).isEqualTo(Indication.COUPLES_THERAPY);
    assertThat(rules.mdmaNames()).contains("MDMA", "3,4-methylenedioxymethamphetamine");
    assertThat(rules.healthyVolunteers().fields())
        .containsExactlyInAnyOrder(Field.CONDITIONS, Field.TITLES);
    assertThat(rules.healthyVolunteers().terms()).contains("healthy volunteers");
    assertThat(rules.healthyVolunteers().unless()).contains("patients", "healthy controls");
  }

  @Test
  void readsRulesWithoutHealthyVolunteerTermsAsNeedingTheRegistrysWord() throws Exception {
    assertThat(CategoryRulesLoader.load(write(VALID)).healthyVolunteers())
        .isEqualTo(CategoryRules.HealthyVolunteers.NONE);
  }

  @Test
  void refusesHealthyVolunteerRulesWithoutTermsOrWithAnUnknownField() throws IOException {
    Path empty = write(VALID + "healthy-volunteers:\n  fields: [titles]\n  terms: []\n");
    assertThatThrownBy(() -> CategoryRulesLoader.load(empty))
        .hasMessage(empty + ": healthy-volunteers.terms: empty term list");

    Path field =
        write(VALID + "healthy-volunteers:\n  fields: [eligibility]\n  terms: [healthy]\n");
    assertThatThrownBy(() -> CategoryRulesLoader.load(field))
        .hasMessage(
            field
                + ": healthy-volunteers.fields[0]: unknown field 'eligibility'; expected one of"
                + " conditions, mesh-terms, keywords, titles, interventions, summary");
  }

  @Test
  void refusesAnUnknownKeyNamingItsPath() throws IOException {
    Path file = variant("PTSD:\n    fields:", "PTSD:\n    fileds:");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .isInstanceOf(RulesException.class)
        .hasMessage(
            file
                + ": unknown key 'categories.PTSD.fileds'; expected one of fields, weak-fields,"
                + " all-of");
  }

  @Test
  void refusesAnUnknownTopLevelKey() throws IOException {
    Path file = write(VALID + "precedance: [PTSD]\n");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": unknown key 'precedance'; expected one of mdma-names, precedence, categories,"
                + " healthy-volunteers");
  }

  @Test
  void refusesAnUnknownCategory() throws IOException {
    Path file = variant("  SOCIAL_ANXIETY:\n", "  SOCIAL_PHOBIA:\n");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": unknown category 'categories.SOCIAL_PHOBIA'; expected one of PTSD,"
                + " ANXIETY_LIFE_THREATENING_ILLNESS, SOCIAL_ANXIETY, COUPLES_THERAPY");
  }

  @Test
  void refusesOtherAsACategoryInThePrecedence() throws IOException {
    Path file = variant("ILLNESS, PTSD]", "ILLNESS, PTSD, OTHER]");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": precedence[4]: unknown category 'OTHER'; expected one of PTSD,"
                + " ANXIETY_LIFE_THREATENING_ILLNESS, SOCIAL_ANXIETY, COUPLES_THERAPY");
  }

  @Test
  void refusesAPrecedenceListingACategoryTwice() throws IOException {
    Path file = variant("[COUPLES_THERAPY, SOCIAL_ANXIETY,", "[PTSD, SOCIAL_ANXIETY,");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": precedence[3]: PTSD is listed twice");
  }

  @Test
  void refusesRulesMissingACategory() throws IOException {
    String withoutCouples = VALID.substring(0, VALID.indexOf("  COUPLES_THERAPY:"));
    Path file = write(withoutCouples);

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": categories: missing [COUPLES_THERAPY]");
  }

  @Test
  void refusesAnUnknownField() throws IOException {
    Path file = variant("weak-fields: [summary]", "weak-fields: [sumary]");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": categories.ANXIETY_LIFE_THREATENING_ILLNESS.weak-fields[0]: unknown field"
                + " 'sumary'; expected one of conditions, mesh-terms, keywords, titles,"
                + " interventions, summary");
  }

  @Test
  void refusesAFieldThatIsBothStrongAndWeak() throws IOException {
    Path file = variant("fields: [conditions]\n    weak", "fields: [summary]\n    weak");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": categories.ANXIETY_LIFE_THREATENING_ILLNESS.weak-fields: summary is also in"
                + " fields");
  }

  @Test
  void refusesAnEmptyTermList() throws IOException {
    Path file = variant("- [PTSD, post-traumatic stress]", "- [PTSD]\n      - []");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": categories.PTSD.all-of[1]: empty term list");
  }

  @Test
  void refusesABlankTerm() throws IOException {
    Path file = variant("[MDMA, ", "[MDMA, \" \", ");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": mdma-names[1]: blank term");
  }

  @Test
  void refusesATermThatIsNotText() throws IOException {
    Path file = variant("- [conjoint]", "- [conjoint, [CBCT]]");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": categories.COUPLES_THERAPY.all-of[0][1]: expected a term (text) but was a"
                + " list");
  }

  @Test
  void refusesAFieldListWrittenAsText() throws IOException {
    Path file = variant("fields: [conditions, titles]", "fields: conditions");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": categories.PTSD.fields: expected a list of fields but was text");
  }

  @Test
  void refusesARuleWithoutTerms() throws IOException {
    Path file = variant("    all-of:\n      - [social anxiety]\n", "");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": categories.SOCIAL_ANXIETY: missing key 'all-of'");
  }

  @Test
  void refusesAMissingFile() {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .isInstanceOf(RulesException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void refusesBadYamlNamingTheLine() throws IOException {
    Path file = variant("fields: [conditions, titles]", "fields: [conditions, titles]]");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": not valid YAML at line 5: expected <block end>, but found ']'");
  }

  @Test
  void refusesACategoryDefinedTwice() throws IOException {
    Path file = write(VALID + "  PTSD:\n    fields: [titles]\n    all-of: [[PTSD]]\n");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(file + ": not valid YAML at line 22: Duplicate field 'PTSD'");
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    Path file = write("");

    assertThatThrownBy(() -> CategoryRulesLoader.load(file))
        .hasMessage(
            file
                + ": top level: expected a mapping of mdma-names, precedence, categories,"
                + " healthy-volunteers but was"
                + " empty");
  }

  /** The valid rules with {@code from} replaced, failing if {@code from} is not there. */
  private Path variant(String from, String to) throws IOException {
    assertThat(VALID).contains(from);
    return write(VALID.replace(from, to));
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("categories.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
