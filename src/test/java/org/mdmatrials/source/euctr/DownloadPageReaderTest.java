package org.mdmatrials.source.euctr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdmatrials.source.euctr.EuCtrDownloads.LARGE_TRIAL;
import static org.mdmatrials.source.euctr.EuCtrDownloads.SMALL_TRIAL;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdmatrials.core.Eligibility;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.Outcome;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.SkippedRecord;
import org.mdmatrials.core.Trial;
import org.mdmatrials.http.MalformedResponseException;

class DownloadPageReaderTest {
  private static final String URL =
      "https://www.clinicaltrialsregister.eu/ctr-search/rest/download/full?query=x&page=1";

  @Test
  void collapsesTheTenMemberStateRecordsIntoOneTrialPerEudraCtNumber() throws Exception {
    DownloadPage page = read(EuCtrDownloads.recorded());

    assertThat(page.records()).isEqualTo(10);
    assertThat(page.size()).isEqualTo(2);
    assertThat(page.skipped()).isEmpty();
    assertThat(page.trialIds()).containsExactly(SMALL_TRIAL, LARGE_TRIAL);
    // Sweden and Poland each have two records in the recording.
    assertThat(trial(page, SMALL_TRIAL).countries()).containsExactly("Spain", "Sweden");
    assertThat(trial(page, LARGE_TRIAL).countries())
        .containsExactly("France", "Greece", "Hungary", "Poland", "Portugal", "Spain");
  }

  @Test
  void mapsTheRecordsOfATrialFieldByField() throws Exception {
    Trial trial = trial(read(EuCtrDownloads.recorded()), SMALL_TRIAL);

    assertThat(trial.trialId()).isEqualTo("2022-002568-62");
    assertThat(trial.registry()).isEqualTo(EuCtrModule.REGISTRY);
    assertThat(trial.origin().url())
        .isEqualTo(
            "https://www.clinicaltrialsregister.eu/ctr-search/search?query=eudract_number:2022-002568-62");
    assertThat(trial.titles().title())
        .isEqualTo(
            "A study to test whether AVB-101 is both safe and efficacious in a sub-population of"
                + " genetically defined FTD patients that currently have no other treatment options");
    assertThat(trial.titles().officialTitle())
        .startsWith("A Phase 1/2 Open-Label, Ascending Dose, Multicenter Study")
        .endsWith("With Progranulin Mutations (FTD-GRN)");
    assertThat(trial.titles().acronym())
        .isEqualTo(
            "Ph1/2 study of AVB-101 in Subjects with Frontotemporal Dementia with Progranulin"
                + " Mutations (FTD-GRN)");
    assertThat(trial.status().overallStatus()).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(trial.status().registryStatus()).isEqualTo("ES: Ongoing; SE: Ongoing");
    assertThat(trial.design().phases()).containsExactly("PHASE1", "PHASE2");
    assertThat(trial.design().studyType()).isEqualTo("INTERVENTIONAL");
    // F.4.2.2 is 15 in the first two records and 9 in the last: the first is taken.
    assertThat(trial.design().enrollment()).isEqualTo(15);
    assertThat(trial.design().enrollmentType()).isEqualTo("ESTIMATED");
    assertThat(trial.dates().startDate()).isNull();
    assertThat(trial.dates().primaryCompletionDate()).isNull();
    assertThat(trial.dates().completionDate()).isNull();
    // Entered in Spain on 2023-01-16, in Sweden on 2023-01-17.
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2023-01-16"));
    assertThat(trial.dates().lastUpdatePosted()).isNull();
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("AviadoBio Ltd");
    assertThat(trial.sponsors().collaborators()).containsExactly("AviadoBio Limited");
    assertThat(trial.topic().conditions())
        .containsExactly(
            "Frontotemporal Dementia With Progranulin Mutations (FTD-GRN)", "Dementia");
    assertThat(trial.topic().keywords()).isEmpty();
    assertThat(trial.topic().conditionMeshTerms()).isEmpty();
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention(
                "GENETIC",
                "Recombinant AAV-9 vector expressing the human progranulin protein",
                List.of("AVB-101")));
    assertThat(trial.arms().armGroups()).isEmpty();
    assertThat(trial.topic().briefSummary())
        .isEqualTo(
            "To evaluate the safety and tolerability of a one-time, bilateral, intrathalamic"
                + " administration of AVB-101 in subjects with FTD-GRN.");
    assertThat(trial.results().hasResults()).isFalse();
    assertThat(trial.secondaryIds())
        .containsExactly(new SecondaryId("SPONSOR_PROTOCOL", "AVB-PGRN-001", null));
    assertThat(trial.origin().sourceVersion()).isNull();
  }

  @Test
  void readsTheDesignEligibilityAndPrimaryEndPointOfTheRecords() throws Exception {
    Trial trial = trial(read(EuCtrDownloads.recorded()), SMALL_TRIAL);

    assertThat(trial.design().allocation()).isEqualTo("NON_RANDOMIZED");
    assertThat(trial.design().masking()).isEqualTo("NONE");
    assertThat(trial.design().primaryPurpose()).isNull();
    // Adults (18-64 years) and Elderly (>=65 years) are answered Yes: no upper age.
    assertThat(trial.design().eligibility())
        .isEqualTo(new Eligibility("18 Years", null, "ALL", false, true));
    assertThat(trial.design().primaryOutcomes()).hasSize(1);
    Outcome endPoint = trial.design().primaryOutcomes().get(0);
    assertThat(endPoint.measure())
        .startsWith(
            "Over a 26-week initial and 5year total follow up period: • Number and incidence of"
                + " AEs, SAEs, and clinically meaningful laboratory test abnormalities; •")
        .endsWith("pre-symptomatic/symptomatic hemorrhage and other structural changes");
    assertThat(endPoint.timeFrame()).isEqualTo("26 weeks and 5 years");
    assertThat(trial.status().whyStopped()).isNull();
    assertThat(trial.results().publications()).isEmpty();
    assertThat(trial.results().resultsFirstPosted()).isNull();
  }

  @Test
  void readsARandomisedDoubleBlindTrialAsSuch() throws Exception {
    Trial trial = trial(read(EuCtrDownloads.recorded()), LARGE_TRIAL);

    assertThat(trial.design().allocation()).isEqualTo("RANDOMIZED");
    assertThat(trial.design().masking()).isEqualTo("DOUBLE");
    assertThat(trial.design().primaryOutcomes().get(0).timeFrame()).isEqualTo("week 24");
  }

  @Test
  void takesOnlyHealthyVolunteersWhenNoMemberStateTakesPatients() throws Exception {
    // The records with F.3.1 and F.3.2 answered the other way round: a variant made here.
    String healthy =
        EuCtrDownloads.records(SMALL_TRIAL)
            .replace("F.3.1 Healthy volunteers: No", "F.3.1 Healthy volunteers: Yes")
            .replace("F.3.2 Patients: Yes", "F.3.2 Patients: No")
            .replace("F.1.3 Elderly (>=65 years): Yes", "F.1.3 Elderly (>=65 years): No");

    Eligibility eligibility =
        trial(read(EuCtrDownloads.header() + healthy), SMALL_TRIAL).design().eligibility();

    assertThat(eligibility).isEqualTo(new Eligibility("18 Years", "64 Years", "ALL", true, false));
    assertThat(eligibility.onlyHealthyVolunteers()).isTrue();
  }

  @Test
  void unitesWhatTheMemberStatesOfATrialSay() throws Exception {
    Trial trial = trial(read(EuCtrDownloads.recorded()), LARGE_TRIAL);

    assertThat(trial.status().registryStatus())
        .isEqualTo("FR: Ongoing; ES: Ongoing; GR: Ongoing; PL: Ongoing; PT: Ongoing; HU: Ongoing");
    assertThat(trial.design().phases()).containsExactly("PHASE3");
    assertThat(trial.design().enrollment()).isEqualTo(600);
    assertThat(trial.dates().firstPosted()).isEqualTo(PartialDate.parse("2022-03-10"));
    // France leaves A.3.2 and E.1.1 empty; Spain and Greece fill them.
    assertThat(trial.titles().acronym()).isEqualTo("Alzheimer");
    assertThat(trial.topic().conditions())
        .containsExactly(
            "Alzheimer's disease", "Patients with mild-to-moderate Alzheimer’s disease");
    assertThat(trial.topic().keywords())
        .containsExactly(
            "Alzheimer's disease (incl subtypes)",
            "Alzheimer's disease",
            "Early onset Alzheimer's disease");
    // Spain and Portugal name the sponsor "ABScience", which is the lead sponsor written together.
    assertThat(trial.sponsors().leadSponsor()).isEqualTo("AB Science");
    assertThat(trial.sponsors().collaborators()).isEmpty();
    // Two IMPs (100 mg and 200 mg) of one product, and a placebo.
    assertThat(trial.arms().interventions())
        .containsExactly(
            new Intervention("DRUG", "Masitinib", List.of("Masitinib mesilate", "AB1010")),
            new Intervention("DRUG", "Placebo", List.of()));
    assertThat(trial.secondaryIds())
        .containsExactly(new SecondaryId("SPONSOR_PROTOCOL", "AB21004", null));
  }

  @Test
  void keepsEachTrialsRecordsAsServedOneAfterTheOther() throws Exception {
    DownloadPage page = read(EuCtrDownloads.recorded());

    assertThat(page.trials().get(0).payload()).isEqualTo(EuCtrDownloads.records(SMALL_TRIAL));
    assertThat(page.trials().get(1).payload()).isEqualTo(EuCtrDownloads.records(LARGE_TRIAL));
    assertThat(page.trials().get(0).payload()).startsWith("Summary\nEudraCT Number: ");
  }

  @Test
  void readsCrLfLineEndsAndKeepsThemInThePayload() throws Exception {
    // The recording with every line ending in CR LF instead of LF.
    String crlf = EuCtrDownloads.recorded().replace("\n", "\r\n");

    DownloadPage page = read(crlf);

    assertThat(page.trials().get(0).trial())
        .isEqualTo(trial(read(EuCtrDownloads.recorded()), SMALL_TRIAL));
    assertThat(page.trials().get(0).payload())
        .isEqualTo(EuCtrDownloads.records(SMALL_TRIAL).replace("\n", "\r\n"));
  }

  @Test
  void readsTheA5IdentifiersAsSecondaryIds() throws Exception {
    // The recording has no A.5 lines. These are inserted into its first record, with real values
    // of other trials (ctrdata's EUCTR and ISRCTN records), in the wordings the register has used.
    String withIds =
        EuCtrDownloads.recorded()
            .replaceFirst(
                "(A\\.4\\.1 Sponsor's protocol code number: AVB-PGRN-001\n)",
                "$1A.5.1 ISRCTN (International Standard Randomised Controlled Trial) Number:"
                    + " ISRCTN13281214\n"
                    + "A.5.2 US NCT (ClinicalTrials.gov registry) number: NCT04089566 \n"
                    + "A.5.3\tWHO Universal Trial Reference Number (UTRN): U1111-1272-2514\n"
                    + "A.5.4 Other Identifiers: IND 110011\n");

    Trial trial = trial(read(withIds), SMALL_TRIAL);

    assertThat(trial.secondaryIds())
        .containsExactly(
            new SecondaryId("SPONSOR_PROTOCOL", "AVB-PGRN-001", null),
            new SecondaryId("ISRCTN", "ISRCTN13281214", null),
            new SecondaryId("NCT", "NCT04089566", null),
            new SecondaryId("WHO_UTRN", "U1111-1272-2514", null),
            new SecondaryId("OTHER", "IND 110011", null));
  }

  @Test
  void takesTheLatestGlobalEndOfTrialKeepingItsPrecision() throws Exception {
    // The recorded trial has not ended; its Spanish record is given an end of the precision the
    // register shows (the date is ctrdata's record 2016-004489-24), its last Swedish one a later
    // month only.
    String ended =
        EuCtrDownloads.recorded()
            .replaceFirst(
                "P\\. End of Trial Status: Ongoing\n",
                """
                P. End of Trial Status: Completed
                P. Date of the global end of the trial: 2022-05-20
                """)
            .replace(
                "P. End of Trial Status: Ongoing\n\nSummary\nEudraCT Number: 2021",
                """
                P. End of Trial Status: Ongoing
                P. Date of the global end of the trial: 2022-06

                Summary
                EudraCT Number: 2021""");

    Trial trial = trial(read(ended), SMALL_TRIAL);

    assertThat(trial.dates().completionDate()).isEqualTo(PartialDate.parse("2022-06"));
  }

  @Test
  void keepsEachMemberStatesStatusAndDerivesTheTrialsFromThem() throws Exception {
    // The Spanish record of the recorded trial marked completed, the Swedish ones left ongoing.
    String spainCompleted =
        EuCtrDownloads.recorded().replaceFirst("Trial Status: Ongoing", "Trial Status: Completed");

    Trial trial = trial(read(spainCompleted), SMALL_TRIAL);

    assertThat(trial.status().registryStatus()).isEqualTo("ES: Completed; SE: Ongoing");
    assertThat(trial.status().overallStatus()).isEqualTo("ACTIVE_NOT_RECRUITING");
  }

  @Test
  void joinsAValueThatRunsOverSeveralLines() throws Exception {
    // The recorded condition, broken over two lines as the register breaks free text.
    String broken =
        EuCtrDownloads.recorded()
            .replaceFirst(
                "investigated: Frontotemporal Dementia With Progranulin Mutations \\(FTD-GRN\\)\n",
                "investigated: Frontotemporal Dementia\nWith Progranulin Mutations (FTD-GRN) \n");

    Trial trial = trial(read(broken), SMALL_TRIAL);

    assertThat(trial.topic().conditions())
        .first()
        .isEqualTo("Frontotemporal Dementia\nWith Progranulin Mutations (FTD-GRN)");
  }

  @Test
  void passesOverLinesItDoesNotKnow() throws Exception {
    // A summary line and a coded field that the recording does not have, each with a second line.
    String withUnknown =
        EuCtrDownloads.recorded()
            .replaceAll(
                "(?m)^Trial Status: Ongoing\n",
                "Trial Status: Ongoing\nTrial results: View results\nof the trial\n")
            .replace(
                "A.7 Trial is part",
                "A.6.9 A field not yet known: Phase 3\nPHASE 4\nA.7 Trial is part");

    DownloadPage page = read(withUnknown);

    assertThat(page.trials())
        .extracting(DownloadPage.Entry::trial)
        .containsExactlyElementsOf(
            read(EuCtrDownloads.recorded()).trials().stream()
                .map(DownloadPage.Entry::trial)
                .toList());
  }

  @Test
  void skipsARecordWithoutEudraCtNumberAndReadsTheOthers() throws Exception {
    // The first (Spanish) record of the recording with its two EudraCT number lines removed.
    String withoutNumber =
        EuCtrDownloads.recorded()
            .replaceFirst("EudraCT Number: 2022-002568-62\n", "")
            .replaceFirst("A\\.2 EudraCT number: 2022-002568-62\n", "");

    DownloadPage page = read(withoutNumber);

    assertThat(page.skipped())
        .containsExactly(
            new SkippedRecord(
                EuCtrModule.REGISTRY,
                null,
                1,
                1,
                "line 3 (Summary)",
                "Expected an EudraCT Number in the record's summary but was none"));
    assertThat(page.size()).isEqualTo(3);
    assertThat(trial(page, SMALL_TRIAL).countries()).containsExactly("Sweden");
  }

  @Test
  void skipsATrialWhosePlannedSizeIsNoNumber() throws Exception {
    // The French record's F.4.2.2 (line 1186 of the recording) rewritten as words.
    String inWords =
        EuCtrDownloads.recorded()
            .replaceFirst(
                "F\\.4\\.2\\.2 In the whole clinical trial: 600",
                "F.4.2.2 In the whole clinical trial: about 600");

    DownloadPage page = read(inWords);

    assertThat(page.trials()).extracting(e -> e.trial().trialId()).containsExactly(SMALL_TRIAL);
    assertThat(page.skipped())
        .containsExactly(
            new SkippedRecord(
                EuCtrModule.REGISTRY,
                LARGE_TRIAL,
                1,
                2,
                "line 1186 (F.4.2.2 In the whole clinical trial)",
                "Expected a whole number but was \"about 600\""));
  }

  @Test
  void readsAPageWithOnlyTheHeaderAsNoTrials() throws Exception {
    DownloadPage page = read(EuCtrDownloads.header());

    assertThat(page.size()).isZero();
    assertThat(page.records()).isZero();
  }

  @Test
  void refusesABodyThatIsNeitherTheHeaderNorARecord() {
    assertThatThrownBy(() -> read("<!DOCTYPE html>\n<html><body>Service unavailable</body>"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "Unusable response from "
                + URL
                + ": expected the download's header or a trial record but was"
                + " \"<!DOCTYPE html>\" at line 1");
  }

  private static DownloadPage read(String body) throws MalformedResponseException {
    return DownloadPageReader.read(body, URL, 1);
  }

  private static Trial trial(DownloadPage page, String eudractNumber) {
    return page.trials().stream()
        .map(DownloadPage.Entry::trial)
        .filter(t -> t.trialId().equals(eudractNumber))
        .findFirst()
        .orElseThrow();
  }
}
