package org.mdmatrials.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdmatrials.TestTrial.trial;
import static org.mdmatrials.core.Indication.ANXIETY_LIFE_THREATENING_ILLNESS;
import static org.mdmatrials.core.Indication.COUPLES_THERAPY;
import static org.mdmatrials.core.Indication.OTHER;
import static org.mdmatrials.core.Indication.PTSD;
import static org.mdmatrials.core.Indication.SOCIAL_ANXIETY;
import static org.mdmatrials.core.MdmaRole.INTERVENTION;
import static org.mdmatrials.core.MdmaRole.MENTIONED;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdmatrials.TestTrial;
import org.mdmatrials.classify.CategoryRules.Field;
import org.mdmatrials.classify.CategoryRules.Rule;
import org.mdmatrials.core.ArmGroup;
import org.mdmatrials.core.CategoryMatch;
import org.mdmatrials.core.Classification;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Indication;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.MdmaRole;
import org.mdmatrials.core.Trial;

class ClassifierTest {
  private static CategoryRules shippedRules;
  private static Classifier classifier;

  @BeforeAll
  static void loadShippedRules() throws RulesException {
    shippedRules = CategoryRulesLoader.load(Path.of("config/categories.yaml"));
    classifier = new Classifier(shippedRules);
  }

  /**
   * Registered trials as ClinicalTrials.gov gives them (titles, conditions, interventions and
   * summaries quoted from the records); a row named "... only" keeps just the named fields.
   */
  static Stream<Arguments> registeredTrials() {
    return Stream.of(
        row(
            "NCT03537014 MAPP1: PTSD named in the title",
            trial("NCT03537014")
                .title("A Multi-Site Phase 3 Study of MDMA-Assisted Psychotherapy for PTSD")
                .acronym("MAPP1"),
            INTERVENTION,
            "PTSD: title \"PTSD\"",
            PTSD),
        row(
            "NCT04077437 MAPP2: a life-threatening event in the summary is not an illness",
            trial("NCT04077437")
                .title("A Multi-Site Phase 3 Study of MDMA-Assisted Psychotherapy for PTSD")
                .acronym("MAPP2")
                .conditions("Posttraumatic Stress Disorder")
                .interventions(behavioral("Psychotherapy"), drug("MDMA"), drug("Placebo"))
                .summary(
                    "Posttraumatic stress disorder (PTSD) is a debilitating psychiatric disorder"
                        + " that can develop after a person experiences a traumatic event, such as"
                        + " sexual assault, war, or any other life-threatening event."),
            INTERVENTION,
            "PTSD: condition \"Posttraumatic Stress Disorder\", title \"PTSD\"",
            PTSD),
        row(
            "NCT04714359 MAPPUSX: PTSD as condition and in the title",
            trial("NCT04714359")
                .title(
                    "A Multi-Site Open-Label Extension Study of MDMA-Assisted Psychotherapy for"
                        + " PTSD")
                .acronym("MAPPUSX")
                .conditions("PTSD")
                .interventions(drug("MDMA")),
            INTERVENTION,
            "PTSD: condition \"PTSD\", title \"PTSD\"",
            PTSD),
        row(
            "NCT00252174: anxiety with advanced-stage cancer",
            trial("NCT00252174")
                .title(
                    "MDMA-assisted Therapy in People With Anxiety Related to Advanced Stage Cancer")
                .officialTitle(
                    "Phase II Dose-response Pilot Study of 3,4-methylenedioxymethamphetamine"
                        + " (MDMA)-Assisted Psychotherapy in Subjects With Anxiety Associated With"
                        + " Advanced-stage Cancer.")
                .conditions("Anxiety Disorder", "Cancer"),
            INTERVENTION,
            "ANXIETY_LIFE_THREATENING_ILLNESS: condition \"Anxiety\", title \"Anxiety\","
                + " condition \"Cancer\", title \"Advanced Stage Cancer\","
                + " title \"Advanced-stage Cancer\"",
            ANXIETY_LIFE_THREATENING_ILLNESS),
        row(
            "NCT00252174 interventions only: MDMA named without its 3,4- prefix",
            trial("NCT00252174")
                .interventions(
                    drug("Stage 1 Active Methylenedioxymethamphetamine"),
                    drug("Stage 1 Low dose Methylenedioxymethamphetamine"),
                    behavioral("Psychotherapy")),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT02427568: anxiety with a life-threatening illness, PTSD only in the summary",
            trial("NCT02427568")
                .title(
                    "MDMA-Assisted Psychotherapy for Anxiety Associated With a Life-Threatening"
                        + " Illness")
                .conditions("Anxiety")
                .interventions(drug("Midomafetamine HCl"), drug("Placebo"), behavioral("Therapy"))
                .summary(NCT02427568_SUMMARY),
            INTERVENTION,
            "ANXIETY_LIFE_THREATENING_ILLNESS: condition \"Anxiety\", title \"Anxiety\","
                + " title \"Life-Threatening Illness\"",
            ANXIETY_LIFE_THREATENING_ILLNESS),
        row(
            "NCT02427568 condition and summary only: the summary corroborates the condition",
            trial("NCT02427568").conditions("Anxiety").summary(NCT02427568_SUMMARY),
            MENTIONED,
            "ANXIETY_LIFE_THREATENING_ILLNESS: condition \"Anxiety\","
                + " summary \"life-threatening illness\"",
            ANXIETY_LIFE_THREATENING_ILLNESS),
        row(
            "NCT02427568 summary only: a summary alone never fits a category",
            trial("NCT02427568").summary(NCT02427568_SUMMARY),
            MENTIONED,
            "",
            OTHER),
        row(
            "NCT02008396: social anxiety in autistic adults is not anxiety with illness",
            trial("NCT02008396")
                .title("MDMA-assisted Therapy for Social Anxiety in Autistic Adults")
                .conditions("Social Anxiety in Autistic Adults")
                .interventions(
                    drug("Placebo"), drug("75 mg to 125 mg MDMA"), behavioral("Psychotherapy")),
            INTERVENTION,
            "SOCIAL_ANXIETY: condition \"Social Anxiety\", title \"Social Anxiety\"",
            SOCIAL_ANXIETY),
        row(
            "NCT02876172: conjoint therapy for PTSD is couples therapy first, PTSD second",
            trial("NCT02876172")
                .title(
                    "MDMA-Assisted Cognitive-Behavioral Conjoint Therapy (CBCT) in Dyads in Which"
                        + " 1 Member Has Chronic PTSD")
                .conditions("Posttraumatic Stress Disorder")
                .keywords("PTSD", "therapy", "MDMA", "dyad", "cognitive behavioral therapy")
                .interventions(drug("MDMA"), behavioral("CBCT"), behavioral("Therapy")),
            INTERVENTION,
            "COUPLES_THERAPY: keyword \"dyad\", title \"Cognitive-Behavioral Conjoint Therapy\","
                + " title \"CBCT\", title \"Dyads\", intervention \"CBCT\";"
                + " PTSD: condition \"Posttraumatic Stress Disorder\", keyword \"PTSD\","
                + " title \"PTSD\"",
            COUPLES_THERAPY,
            PTSD),
        row(
            "NCT02876172 interventions and condition only: the CBCT intervention is enough",
            trial("NCT02876172")
                .conditions("Posttraumatic Stress Disorder")
                .interventions(drug("MDMA"), behavioral("CBCT"), behavioral("Therapy")),
            INTERVENTION,
            "COUPLES_THERAPY: intervention \"CBCT\";"
                + " PTSD: condition \"Posttraumatic Stress Disorder\"",
            COUPLES_THERAPY,
            PTSD),
        row(
            "NCT01404754: healthy volunteers, PTSD only in the summary",
            trial("NCT01404754")
                .title(
                    "Psychological Effects of Methylenedioxymethamphetamine (MDMA) When"
                        + " Administered to Healthy Volunteers")
                .acronym("MT-1")
                .conditions("Psychological Effects of Study Drug")
                .interventions(
                    drug("Lactose (inactive placebo)"), drug("3,4-methylenedioxymethamphetamine"))
                .summary(
                    "This study is a Phase 1 study for up to a hundred people, The information"
                        + " gathered during this study may help us better understand the"
                        + " psychological effects produced by MDMA and how those effects can more"
                        + " effectively be used within a therapeutic context, as with people with"
                        + " PTSD."),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT03181763: healthy volunteers, anxiety only in the summary",
            trial("NCT03181763")
                .title("Evaluation of MDMA on Startle Response")
                .conditions("Startle Response")
                .interventions(
                    drug("Placebo"), drug("Midomafetamine"), behavioral("Acoustic startle"))
                .summary("MDMA may make it easier to face unpleasant memories and reduce anxiety."),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT01616407: social cognition is not social anxiety",
            trial("NCT01616407")
                .title("Effects of MDMA and Methylphenidate on Social Cognition")
                .officialTitle(
                    "Effects of MDMA (Ecstasy) and Methylphenidate (Ritalin) on Social Cognition")
                .conditions("Social Cognition")
                .interventions(
                    drug("3,4-Methylenedioxymethamphetamine", "MDMA", "ecstasy"),
                    drug("Methylphenidate", "Ritalin", "Concerta"),
                    drug("Placebo")),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT01616407 arm group only: MDMA named in the arm label",
            trial("NCT01616407")
                .armGroups(new ArmGroup("MDMA, methylphenidate, placebo", List.of())),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT01465685 intervention only: the chemical name with its 3,4- prefix",
            trial("NCT01465685")
                .conditions("Healthy")
                .interventions(
                    drug("3,4-methylenedioxymethamphetamine"),
                    drug("Methylphenidate"),
                    drug("Placebo")),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT01849419: ecstasy users' social processing, drug addiction as condition",
            trial("NCT01849419")
                .title("Effects of MDMA on Social and Emotional Processing")
                .conditions("Drug Addiction")
                .interventions(
                    drug("Within-subjects (MDMA)"),
                    drug("Within-subjects (placebo)"),
                    drug("Within-subjects (oxytocin)")),
            INTERVENTION,
            "",
            OTHER),
        row(
            "NCT01849419 condition and summary only: MDMA in the summary is a mention",
            trial("NCT01849419")
                .conditions("Drug Addiction")
                .summary(
                    "The main aim of the study is to investigate the effects of"
                        + " ±3,4-methylenedioxymethamphetamine (MDMA; ecstasy) on social and"
                        + " emotional processing in healthy humans."),
            MENTIONED,
            "",
            OTHER),
        row(
            "NCT05675800: psilocybin trial that only excludes recent MDMA users",
            trial("NCT05675800")
                .title("Psilocybin for Major Depressive Disorder")
                .conditions("Major Depressive Disorder")
                .interventions(drug("Psilocybin"))
                .summary(
                    "The goal of this study is to assess the effectiveness of psilocybin for the"
                        + " treatment of Major Depressive Disorder and potential therapeutic"
                        + " mechanisms."),
            MENTIONED,
            "",
            OTHER));
  }

  /**
   * Records of registries WHO's ICTRP gathers, as an ICTRP export gives them (no summary, ANZCTR's
   * condition categories among the conditions); titles and conditions quoted from the records
   * (src/test/resources/fixtures/ictrp/PROVENANCE.md).
   */
  static Stream<Arguments> gatheredRecords() {
    return Stream.of(
        row(
            "NTR6670: a Dutch title names PTSD",
            trial("NTR6670")
                .title(
                    "Een studie naar de veiligheid en effecten van psychotherapie in combinatie met"
                        + " MDMA als behandeling voor zware post-traumatische stress stoornis"),
            INTERVENTION,
            "PTSD: title \"post-traumatische stress stoornis\"",
            PTSD),
        row(
            "NTR3691: healthy-volunteer pharmacology in Dutch is no category",
            trial("NTR3691")
                .title("MDMA en prosociaal gedrag: De rol van de 2a-serotonine receptor."),
            INTERVENTION,
            "",
            OTHER),
        row(
            "ACTRN12619001334190 EMMAC: anxiety and cancer among ANZCTR's conditions",
            trial("ACTRN12619001334190")
                .title(
                    "Effect of 3, 4-Methylenedioxymethamphetamine (MDMA)-assisted therapy on Mood"
                        + " and Anxiety symptoms in patients with advanced-stage Cancer Study (EMMAC"
                        + " Study)")
                .conditions(
                    "Depression symptoms",
                    "Anxiety symptoms",
                    "Advanced-stage cancer",
                    "Mental Health - Anxiety",
                    "Mental Health - Depression",
                    "Cancer - Any cancer"),
            INTERVENTION,
            "ANXIETY_LIFE_THREATENING_ILLNESS: condition \"Anxiety\", title \"Anxiety\", condition"
                + " \"Advanced-stage cancer\", condition \"Cancer\", condition \"cancer\", title"
                + " \"advanced-stage Cancer\"",
            ANXIETY_LIFE_THREATENING_ILLNESS),
        row(
            "ACTRN12613000685718: MDMA for tinnitus is no category",
            trial("ACTRN12613000685718")
                .title("MDMA (3,4-methylenedioxy-N-methylamphetamine) and tinnitus")
                .conditions("Tinnitus", "Ear - Other ear disorders"),
            INTERVENTION,
            "",
            OTHER),
        row(
            "ACTRN12624000041550: MDMA named only in ANZCTR's spelling of the intervention",
            trial("ACTRN12624000041550")
                .title(
                    "Effectiveness Of Psychedelic Therapy for Post Traumatic Stress Disorder (PTSD)")
                .interventions(
                    new Intervention(
                        null,
                        "The medicines used are Methylenedioxy methamphetamine (MDMA) for PTSD",
                        List.of())),
            INTERVENTION,
            "PTSD: title \"Post Traumatic Stress Disorder\", title \"PTSD\"",
            PTSD),
        row(
            "2021-000805-26: MDMA-assisted therapy for depression, in Norwegian, is no category",
            trial("2021-000805-26").title("MDMA-assistert psykoterapi for behandling av depresjon"),
            INTERVENTION,
            "",
            OTHER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gatheredRecords")
  void sortsRecordsOfTheRegistriesWhoGathersByTheShippedRules(
      String description,
      Trial trial,
      MdmaRole role,
      List<Indication> categories,
      String evidence) {
    sortsRegisteredTrialsByTheShippedRules(description, trial, role, categories, evidence);
  }

  /** Each language's names, as the texts config/categories.yaml cites for them write them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "posttraumatische stressstoornis (PTSS)                          | PTSD",
        "Patienten mit einer Posttraumatischen Belastungsstörung (PTBS) | PTSD",
        "bei Patienten mit posttraumatischer Belastungsstörung (PTBS)   | PTSD",
        "el trastorno de estrés postraumático (TEPT) grave              | PTSD",
        "trouble de stress post-traumatique (TSPT)                      | PTSD",
        "transtorno de estresse pós-traumático                          | PTSD",
        "perturbação de stress pós-traumático (PSPT)                    | PTSD",
        "angsten; lijden aan kanker                                     | ANXIETY_LIFE_THREATENING_ILLNESS",
        "Angst; Krebspatienten im Endstadium                            | ANXIETY_LIFE_THREATENING_ILLNESS",
        "ansiedad en personas con cáncer o enfermedades terminales      | ANXIETY_LIFE_THREATENING_ILLNESS",
        "anxiété; cancer                                                | ANXIETY_LIFE_THREATENING_ILLNESS",
        "ansiedade; câncer                                              | ANXIETY_LIFE_THREATENING_ILLNESS",
        "ansiedad social                                                | SOCIAL_ANXIETY",
        "phobie sociale                                                 | SOCIAL_ANXIETY",
        "Sozialphobie                                                   | SOCIAL_ANXIETY",
        "relatietherapie                                                | COUPLES_THERAPY",
        "Paartherapie                                                   | COUPLES_THERAPY",
        "terapia de pareja asistida por MDMA                            | COUPLES_THERAPY",
        "thérapie conjointe cognitivo-comportementale                   | COUPLES_THERAPY",
        "terapia de casais assistida por MDMA                           | COUPLES_THERAPY",
      })
  void findsEachCategoryInTheOtherLanguagesRegistriesWriteIn(String text, Indication category) {
    Trial trial = trial("NCT00000000").conditions(text.split("; ")).build();

    assertThat(classifier.classify(trial).categories())
        .extracting(CategoryMatch::category)
        .containsExactly(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Anxiety", "angst", "ansiedad", "cancer", "Krebs", "kanker"})
  void needsBothAnxietyAndIllnessInEveryLanguage(String text) {
    assertThat(classifier.classify(trial("NCT00000000").conditions(text).build()).categories())
        .extracting(CategoryMatch::category)
        .containsExactly(OTHER);
  }

  private static final String NCT02427568_SUMMARY =
      "Individuals facing, or who have faced, a life-threatening illness contend with more than"
          + " just the physical symptoms of their condition and may experience anxiety,"
          + " depression, anger, and despair that can exacerbate their distress. Research suggests"
          + " that diagnosis of, and living with a life-threatening illness can result in symptoms"
          + " similar to those seen in posttraumatic stress disorder (PTSD).";

  private static final String HEALTHY_VOLUNTEERS_TITLE =
      "Psychological Effects of MDMA When Administered to Healthy Volunteers";
  private static final Eligibility ACCEPTS_HEALTHY = new Eligibility(null, null, null, true, null);

  /**
   * Trials that accept healthy volunteers. NCT01404754's title is a real one; the condition PTSD
   * beside it, and the other titles and eligibilities, are variants made here to try each branch of
   * the rule (a first-in-human study giving PTSD as its condition is the example).
   */
  static Stream<Arguments> healthyVolunteerTrials() {
    return Stream.of(
        row(
            "ClinicalTrials.gov: accepts healthy volunteers and its title is of them",
            trial("NCT01404754")
                .title(HEALTHY_VOLUNTEERS_TITLE)
                .conditions("PTSD")
                .eligibility(ACCEPTS_HEALTHY),
            INTERVENTION,
            "OTHER: rule \"only healthy volunteers\", registry \"accepts healthy volunteers\","
                + " title \"Healthy Volunteers\", set aside \"PTSD\"",
            OTHER),
        row(
            "ClinicalTrials.gov: a title of healthy adult volunteers sets two categories aside",
            trial("NCT01404754")
                .title("First-in-human MDMA in Healthy Adult Volunteers")
                .conditions("PTSD", "Social Anxiety Disorder")
                .eligibility(ACCEPTS_HEALTHY),
            INTERVENTION,
            "OTHER: rule \"only healthy volunteers\", registry \"accepts healthy volunteers\","
                + " title \"Healthy Adult Volunteers\", set aside \"SOCIAL_ANXIETY\","
                + " set aside \"PTSD\"",
            OTHER),
        row(
            "ClinicalTrials.gov: patients with healthy controls keep their category",
            trial("NCT01404754")
                .title("MDMA in PTSD Patients and Healthy Volunteers")
                .conditions("PTSD")
                .eligibility(ACCEPTS_HEALTHY),
            INTERVENTION,
            "PTSD: condition \"PTSD\", title \"PTSD\"",
            PTSD),
        row(
            "ClinicalTrials.gov: a title of healthy volunteers, but the registry says it takes none",
            trial("NCT01404754")
                .title(HEALTHY_VOLUNTEERS_TITLE)
                .conditions("PTSD")
                .eligibility(new Eligibility("18 Years", null, "ALL", false, null)),
            INTERVENTION,
            "PTSD: condition \"PTSD\"",
            PTSD),
        row(
            "ClinicalTrials.gov: accepts healthy volunteers, title silent on them",
            trial("NCT01404754")
                .title("MDMA-assisted Therapy for PTSD")
                .conditions("PTSD")
                .eligibility(ACCEPTS_HEALTHY),
            INTERVENTION,
            "PTSD: condition \"PTSD\", title \"PTSD\"",
            PTSD),
        row(
            "a registry that says healthy volunteers and no patients: its word decides",
            trial("2022-002568-62")
                .title("MDMA for PTSD")
                .conditions("PTSD")
                .eligibility(new Eligibility(null, null, null, true, false)),
            INTERVENTION,
            "OTHER: rule \"only healthy volunteers\", registry \"healthy volunteers, no"
                + " patients\", set aside \"PTSD\"",
            OTHER),
        row(
            "a registry that says healthy volunteers and patients: their category stays",
            trial("2022-002568-62")
                .title(HEALTHY_VOLUNTEERS_TITLE)
                .conditions("PTSD")
                .eligibility(new Eligibility(null, null, null, true, true)),
            INTERVENTION,
            "PTSD: condition \"PTSD\"",
            PTSD),
        row(
            "only healthy volunteers and no category to set aside: no evidence",
            trial("NCT01404754").title(HEALTHY_VOLUNTEERS_TITLE).eligibility(ACCEPTS_HEALTHY),
            INTERVENTION,
            "",
            OTHER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthyVolunteerTrials")
  void sortsTrialsOfOnlyHealthyVolunteersAsOther(
      String description,
      Trial trial,
      MdmaRole role,
      List<Indication> categories,
      String evidence) {
    sortsRegisteredTrialsByTheShippedRules(description, trial, role, categories, evidence);
  }

  @Test
  void needsTheRegistrysWordWithoutHealthyVolunteerTerms() {
    CategoryRules noTerms =
        new CategoryRules(
            shippedRules.mdmaNames(), shippedRules.precedence(), shippedRules.categories());
    Trial trial =
        trial("NCT01404754")
            .title(HEALTHY_VOLUNTEERS_TITLE)
            .conditions("PTSD")
            .eligibility(ACCEPTS_HEALTHY)
            .build();

    assertThat(new Classifier(noTerms).classify(trial).primaryCategory()).isEqualTo(PTSD);
    assertThat(classifier.classify(trial).primaryCategory()).isEqualTo(OTHER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTrials")
  void sortsRegisteredTrialsByTheShippedRules(
      String description,
      Trial trial,
      MdmaRole role,
      List<Indication> categories,
      String evidence) {
    Classification classification = classifier.classify(trial);

    assertThat(classification.mdmaRole()).isEqualTo(role);
    assertThat(classification.categories())
        .extracting(CategoryMatch::category)
        .containsExactlyElementsOf(categories);
    assertThat(classification.evidence()).isEqualTo(evidence);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Post-Traumatic Stress Disorder      | Post-Traumatic Stress Disorder",
        "posttraumatic stress disorder       | posttraumatic stress disorder",
        "Post Traumatic Stress Disorder      | Post Traumatic Stress Disorder",
        "POST–TRAUMATIC STRESS (en dash)     | POST–TRAUMATIC STRESS",
        "Post‑traumatic  Stress (nb hyphen)  | Post‑traumatic  Stress",
        "Stress Disorders, Posttraumatic     | Stress Disorders, Posttraumatic",
        "PTSD-related insomnia               | PTSD",
        "Chronic PTSD (combat)               | PTSD",
        "C-PTSD                              | C-PTSD",
        "cptsd                               | cptsd",
      })
  void findsTermsIgnoringCaseAndHyphenation(String condition, String quoted) {
    Classification classification =
        classifier.classify(trial("NCT00000000").conditions(condition).build());

    assertThat(classification.evidence()).isEqualTo("PTSD: condition \"" + quoted + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PTSDx", "xPTSD", "PTSD2", "Post-traumatic growth"})
  void findsTermsOnlyAsWholeWords(String condition) {
    Classification classification =
        classifier.classify(trial("NCT00000000").conditions(condition).build());

    assertThat(classification.primaryCategory()).isEqualTo(OTHER);
  }

  @Test
  void findsSpacedTermsAcrossDashes() {
    Classification classification =
        classifier.classify(
            trial("NCT00000000").conditions("Anxiety").keywords("end-of-life care").build());

    assertThat(classification.evidence())
        .isEqualTo(
            "ANXIETY_LIFE_THREATENING_ILLNESS: condition \"Anxiety\", keyword \"end-of-life\"");
  }

  @Test
  void quotesMeshHeadingsWithTheirInvertedWordOrder() {
    Trial trial =
        trial("NCT00000000")
            .meshTerms("Stress Disorders, Post-Traumatic", "Phobia, Social", "Anxiety Disorders")
            .build();

    assertThat(classifier.classify(trial).evidence())
        .isEqualTo(
            "SOCIAL_ANXIETY: MeSH term \"Phobia, Social\";"
                + " PTSD: MeSH term \"Stress Disorders, Post-Traumatic\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mdmaNamings")
  void studiesMdmaWhenNamedInInterventionsArmsOrTitles(String where, Trial trial) {
    assertThat(classifier.classify(trial).mdmaRole()).isEqualTo(INTERVENTION);
  }

  static Stream<Arguments> mdmaNamings() {
    return Stream.of(
        Arguments.of(
            "intervention other name",
            trial("NCT00000000").interventions(drug("Study drug", "midomafetamine")).build()),
        Arguments.of(
            "arm group intervention name",
            trial("NCT00000000")
                .armGroups(new ArmGroup("Experimental", List.of("Drug: MDMA")))
                .build()),
        Arguments.of("acronym", trial("NCT00000000").acronym("MDMA-AT").build()),
        Arguments.of(
            "official title, chemical name",
            trial("NCT00000000")
                .officialTitle("N-Methyl-3,4-methylenedioxyamphetamine in Healthy Adults")
                .build()));
  }

  @Test
  void onlyMentionsMdmaNamedInConditionsOrSummaryOrInsideAnotherWord() {
    Trial trial =
        trial("NCT00000000")
            .title("Effects of MDMAX in Healthy Adults")
            .conditions("MDMA Use")
            .summary("Participants must not have used MDMA in the last month.")
            .build();

    assertThat(classifier.classify(trial).mdmaRole()).isEqualTo(MENTIONED);
  }

  @Test
  void ordersCategoriesByTheRulesPrecedence() {
    CategoryRules ptsdFirst =
        new CategoryRules(
            shippedRules.mdmaNames(),
            List.of(PTSD, COUPLES_THERAPY, SOCIAL_ANXIETY, ANXIETY_LIFE_THREATENING_ILLNESS),
            shippedRules.categories());
    Trial couples =
        trial("NCT02876172")
            .conditions("Posttraumatic Stress Disorder")
            .interventions(behavioral("CBCT"))
            .build();

    assertThat(new Classifier(ptsdFirst).classify(couples).categories())
        .extracting(CategoryMatch::category)
        .containsExactly(PTSD, COUPLES_THERAPY);
  }

  @Test
  void quotesTheLongestAlternative() {
    CategoryRules rules =
        withPtsdRule(
            new Rule(
                PTSD,
                List.of(List.of("stress", "post-traumatic stress disorder", "post-traumatic")),
                Set.of(Field.CONDITIONS),
                Set.of()));

    Classification classification =
        new Classifier(rules)
            .classify(trial("NCT00000000").conditions("Posttraumatic Stress Disorder").build());

    assertThat(classification.evidence())
        .isEqualTo("PTSD: condition \"Posttraumatic Stress Disorder\"");
  }

  @Test
  void needsEveryGroupAndOneInAStrongField() {
    CategoryRules rules =
        withPtsdRule(
            new Rule(
                PTSD,
                List.of(List.of("PTSD"), List.of("veterans")),
                Set.of(Field.TITLES),
                Set.of(Field.SUMMARY)));
    Classifier twoGroups = new Classifier(rules);

    assertThat(twoGroups.classify(trial("NCT00000000").title("PTSD").build()).primaryCategory())
        .isEqualTo(OTHER);
    assertThat(
            twoGroups
                .classify(trial("NCT00000000").summary("PTSD in veterans").build())
                .primaryCategory())
        .isEqualTo(OTHER);
    assertThat(
            twoGroups
                .classify(trial("NCT00000000").title("PTSD").summary("PTSD in veterans").build())
                .evidence())
        .isEqualTo("PTSD: title \"PTSD\", summary \"veterans\"");
  }

  private static CategoryRules withPtsdRule(Rule ptsd) {
    List<Rule> rules =
        Stream.concat(
                Stream.of(ptsd),
                shippedRules.categories().stream().filter(r -> r.category() != PTSD))
            .toList();
    return new CategoryRules(shippedRules.mdmaNames(), shippedRules.precedence(), rules);
  }

  private static Arguments row(
      String description,
      TestTrial trial,
      MdmaRole role,
      String evidence,
      Indication... categories) {
    return Arguments.of(description, trial.build(), role, List.of(categories), evidence);
  }

  private static Intervention drug(String name, String... otherNames) {
    return new Intervention("DRUG", name, List.of(otherNames));
  }

  private static Intervention behavioral(String name) {
    return new Intervention("BEHAVIORAL", name, List.of());
  }
}
