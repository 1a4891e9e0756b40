package org.mdmatrials.source.ictrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.core.Intervention;
import org.mdmatrials.core.PartialDate;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.core.Trial;

/**
 * Real ICTRP exports of three eras and both formats (fixtures/ictrp/PROVENANCE.md), read as a run
 * reads them: every record a trial of its own registry, the EU register's member states one trial.
 */
class IctrpSourceTest {
  @TempDir Path dir;

  @Test
  void readsEveryRecordOfARealExportAsATrialOfTheRegistryItNames() throws Exception {
    Path file =
        IctrpExports.write(dir, "ICTRP-Results.xml", IctrpExports.text("export-2024-06-09.xml"));

    IctrpExports.Read read = IctrpExports.read(file);

    assertThat(read.sink().trials)
        .extracting(Trial::trialId, t -> t.registry().code())
        .containsExactly(
            tuple("NCT06360289", "CTGOV"),
            tuple("NCT03862807", "CTGOV"),
            tuple("2023-507385-11-00", "CTIS"),
            tuple("2021-000037-14", "EUCTR"),
            tuple("jRCTs031210288", "JPRN"),
            tuple("UMIN000027045", "JPRN"),
            tuple("DRKS00032447", "DRKS"),
            tuple("NL-OMON55279", "NL_OMON"),
            tuple("NL-OMON31535", "NL_OMON"),
            tuple("ChiCTR2100050713", "CHICTR"),
            tuple("KCT0000379", "CRIS"));
    assertThat(read.sink().skipped).isEmpty();
    assertThat(read.summary())
        .satisfies(
            s -> {
              assertThat(s.registry()).isEqualTo(IctrpModule.REGISTRY);
              assertThat(s.query()).isEqualTo("file=" + file);
              assertThat(s.full()).isTrue();
              assertThat(s.sourceVersion()).isEqualTo("2024-06-09T16:01:13");
              assertThat(List.of(s.expected(), s.received(), s.skipped(), s.pages()))
                  .containsExactly(12, 12, 0, 1);
            });
  }

  @Test
  void mapsEachFieldAnExportGivesOntoTheCommonRecord() throws Exception {
    Path file =
        IctrpExports.write(dir, "ICTRP-Results.xml", IctrpExports.text("export-2024-06-09.xml"));

    IctrpExports.Read read = IctrpExports.read(file);

    Trial omon = read.trial("NL-OMON55279");
    assertThat(omon.origin().url()).isEqualTo("https://onderzoekmetmensen.nl/en/trial/55279");
    assertThat(omon.origin().sourceVersion()).isEqualTo("2024-06-09T16:01:13");
    assertThat(omon.titles().title())
        .isEqualTo(
            "A Phase 3 Global, Open-Label, Randomized Study to Evaluate the Efficacy and Safety of"
                + " ION-682884 in Patients with Hereditary Transthyretin-Mediated Amyloid"
                + " Polyneuropathy");
    assertThat(omon.titles().officialTitle()).endsWith("Polyneuropathy - NEURO-TTRANSFORM");
    assertThat(omon.titles().acronym()).isNull();
    assertThat(omon.status().overallStatus()).isNull();
    assertThat(omon.design().phases()).containsExactly("PHASE3");
    assertThat(omon.design().studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(omon.design().enrollment()).isEqualTo(2);
    assertThat(omon.design().enrollmentType()).isEqualTo("ESTIMATED");
    assertThat(omon.dates().startDate()).isNull(); // <Date_enrollement/>
    assertThat(omon.dates().firstPosted()).isEqualTo(PartialDate.parse("2021-03-01"));
    assertThat(omon.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2024-04-09"));
    assertThat(omon.sponsors().leadSponsor()).isEqualTo("Ionis Pharmaceuticals, Inc.");
    assertThat(omon.sponsors().collaborators()).containsExactly("industry");
    assertThat(omon.topic().conditions())
        .containsExactly(
            "Familial amyloid polyneuropathy - Transthyretin (TTR) amyloid polyneuropathy",
            "10034606");
    assertThat(omon.arms().interventions())
        .containsExactly(
            new Intervention(null, "Please refer to section E6 of the protocol.", List.of()));
    assertThat(omon.countries()).containsExactly("Netherlands");
    assertThat(omon.secondaryIds())
        .extracting(SecondaryId::id)
        .containsExactly("EUCTR2019-001698-10-NL", "NCT04136184", "NL73848.000.21");

    Trial drks = read.trial("DRKS00032447");
    assertThat(drks.status().registryStatus()).isEqualTo("Not Recruiting");
    assertThat(drks.design().studyType()).isEqualTo("OBSERVATIONAL");
    assertThat(drks.dates().startDate()).isEqualTo(PartialDate.parse("2024-01-15"));
    assertThat(drks.sponsors().collaborators())
        .containsExactly("Kindness for Kids - Stiftung für Kinder mit Seltenen Erkrankungen");
    assertThat(drks.topic().conditions())
        .endsWith("E85.0", "M35.2", "Non-neuropathic heredofamilial amyloidosis", "Behçet disease");
    assertThat(drks.countries()).containsExactly("Austria", "Germany");

    Trial patisiran = read.trial("NCT03862807");
    assertThat(patisiran.results().hasResults()).isTrue();
    assertThat(patisiran.arms().interventions())
        .containsExactly(new Intervention("DRUG", "Patisiran", List.of()));
    assertThat(patisiran.dates().startDate()).isEqualTo(PartialDate.parse("2019-03-27"));
    // ClinicalTrials.gov's countries come once per site list; each is kept once.
    assertThat(patisiran.countries())
        .containsExactly(
            "France", "Germany", "Italy", "Portugal", "Spain", "Sweden", "United Kingdom");
    assertThat(patisiran.sponsors().collaborators()).isEmpty();

    Trial chictr = read.trial("ChiCTR2100050713");
    assertThat(chictr.design().enrollment()).isEqualTo(100); // control group:50;sepsis group:50;
    assertThat(chictr.design().phases()).containsExactly("EARLY_PHASE1");
    assertThat(read.trial("jRCTs031210288").design().phases()).containsExactly("NA");
    assertThat(read.trial("UMIN000027045").dates().startDate())
        .isEqualTo(PartialDate.parse("2016-12-06"));
    assertThat(read.trial("KCT0000379").design().phases()).containsExactly("PHASE1", "PHASE2");
  }

  @Test
  void makesOneTrialOfTheEuRegistersRecordsOfItsMemberStates() throws Exception {
    Path file =
        IctrpExports.write(dir, "ICTRP-Results.xml", IctrpExports.text("export-2024-06-09.xml"));

    IctrpExports.Read read = IctrpExports.read(file);

    Trial eu = read.trial("2021-000037-14");
    assertThat(eu.status().overallStatus()).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(eu.status().registryStatus()).isEqualTo("ES: Authorised; DK: Authorised");
    assertThat(eu.dates().firstPosted()).isEqualTo(PartialDate.parse("2021-04-28")); // DK's
    assertThat(eu.dates().startDate()).isEqualTo(PartialDate.parse("2021-07-01")); // ES's
    assertThat(eu.dates().lastUpdatePosted()).isEqualTo(PartialDate.parse("2024-02-19")); // DK's
    assertThat(eu.design().phases()).containsExactly("PHASE3");
    assertThat(eu.secondaryIds())
        .extracting(SecondaryId::id)
        .containsExactly("NEOD001-301", "146070", "NCT04973137"); // the NCT number DK's names
    assertThat(eu.countries()).contains("Portugal", "Korea, Republic of", "Japan", "Türkiye");
    List<Map<String, String>> states = IctrpExports.trialsByDom(read.payload("2021-000037-14"));
    assertThat(states)
        .extracting(s -> s.get("TrialID").strip())
        .containsExactly("EUCTR2021-000037-14-ES", "EUCTR2021-000037-14-DK");
  }

  @Test
  void keepsEachRecordAsTheFileHoldsIt() throws Exception {
    String export = IctrpExports.text("export-2024-06-09.xml");
    Path file = IctrpExports.write(dir, "ICTRP-Results.xml", export);

    IctrpExports.Read read = IctrpExports.read(file);

    List<Map<String, String>> inFile = IctrpExports.trialsByDom(export);
    assertThat(IctrpExports.trialsByDom(read.payload("DRKS00032447")))
        .containsExactly(inFile.get(7));
    assertThat(read.payload("NCT06360289"))
        .startsWith("<Trial><Export_date>06/09/2024 16:01:13</Export_date>")
        .contains("<Acronym/>", "&#x0D;&lt;br&gt;        Inclusion Criteria:")
        .endsWith("\n    \n  </Trial>");
  }

  @Test
  void readsTheMdmaTrialsOfAnzctrTheEuRegisterAndTheDutchRegister() throws Exception {
    IctrpExports.Read read =
        IctrpExports.read(IctrpExports.write(dir, "a.xml", IctrpExports.text("mdma-export.xml")));

    assertThat(read.ids())
        .containsExactly(
            "ACTRN12619001334190",
            "ACTRN12621001078842",
            "ACTRN12613000685718",
            "2018-001718-13",
            "NTR6670",
            "NTR3691",
            "NCT04030169");
    Trial emmac = read.trial("ACTRN12619001334190");
    assertThat(emmac.secondaryIds()).isEmpty(); // "Nil Known"
    assertThat(emmac.titles().acronym()).isEqualTo("EMMAC Study");
    assertThat(emmac.sponsors().leadSponsor()).isEqualTo("University of Otago");
    Trial ecu = read.trial("ACTRN12621001078842");
    assertThat(ecu.secondaryIds()).containsExactly(new SecondaryId(null, "IPAU-1", null));
    assertThat(ecu.status().overallStatus()).isEqualTo("RECRUITING");
    assertThat(ecu.dates().startDate()).isEqualTo(PartialDate.parse("2022-05-19"));
    assertThat(ecu.topic().conditions())
        .containsExactly(
            "Post Traumatic Stress Disorder", "Mental Health - Other mental health disorders");
    Trial eu = read.trial("2018-001718-13");
    assertThat(eu.titles().title()).isNull();
    assertThat(eu.titles().officialTitle()).startsWith("An Open- Label, Phase 2, Multicenter");
    assertThat(eu.status().registryStatus()).isNull();
    assertThat(eu.design().phases()).containsExactly("PHASE2");
    assertThat(eu.countries()).hasSize(6).startsWith("Netherlands", "Czechia");
    assertThat(IctrpExports.trialsByDom(read.payload("2018-001718-13"))).hasSize(2);
    assertThat(read.trial("NTR6670").registry().code()).isEqualTo("NL_OMON");
    assertThat(read.trial("NTR3691").secondaryIds())
        .containsExactly(new SecondaryId(null, "NL42465.068.12 CCMO", null));
    Trial maps = read.trial("NCT04030169");
    assertThat(maps.registry().code()).isEqualTo("CTGOV");
    assertThat(maps.sponsors().collaborators())
        .containsExactly("Multidisciplinary Association for Psychedelic Studies");
  }

  @Test
  void readsTheExportsOf2020And2026() throws Exception {
    IctrpExports.Read of2020 =
        IctrpExports.read(
            IctrpExports.write(dir, "a.xml", IctrpExports.text("export-2020-03-18.xml")));
    IctrpExports.Read of2026 =
        IctrpExports.read(
            IctrpExports.write(dir, "b.xml", IctrpExports.text("export-2026-09-18.xml")));

    assertThat(of2020.ids()).containsExactly("ChiCTR2000029953", "NCT00523276");
    assertThat(of2020.summary().sourceVersion()).isEqualTo("2020-03-18T18:53:35");
    assertThat(of2020.payload("NCT00523276")).contains("xml:space=\"preserve\"");
    assertThat(of2026.ids()).containsExactly("NCT07758270", "NCT07768761", "DRKS00040782");
    assertThat(of2026.summary().sourceVersion()).isEqualTo("2026-09-18T10:42:00");
    assertThat(of2026.trial("DRKS00040782").titles().title())
        .startsWith("NeuroMSleepModeD Neuromodulation in patients");
    assertThat(of2026.trial("NCT07768761").secondaryIds())
        .containsExactly(new SecondaryId(null, "1583821/ 17043-H33", null));
    assertThat(of2026.trial("NCT07758270").arms().interventions())
        .extracting(Intervention::label)
        .containsExactly("DRUG: Remibrutinib", "DRUG: Ocrelizumab (US)");
  }

  @Test
  void readsTheCsvExportByItsColumnsNames() throws Exception {
    IctrpExports.Read read =
        IctrpExports.read(
            IctrpExports.write(dir, "ICTRP.csv", IctrpExports.text("covid19-2020-04-15.csv")));

    assertThat(read.sink().trials).hasSize(21);
    assertThat(read.sink().skipped).isEmpty();
    Trial anxiety = read.trial("ACTRN12620000468921");
    assertThat(anxiety.registry().code()).isEqualTo("ANZCTR");
    assertThat(anxiety.origin().url()).isEqualTo("https://anzctr.org.au/ACTRN12620000468921.aspx");
    assertThat(anxiety.topic().conditions())
        .containsExactly(
            "Anxiety",
            "Depression",
            "COVID-19",
            "Mental Health - Anxiety",
            "Mental Health - Depression",
            "Infection - Other infectious diseases");
    assertThat(anxiety.design().phases()).containsExactly("NA");
    assertThat(anxiety.dates().firstPosted()).isEqualTo(PartialDate.parse("2020-04-14"));
    assertThat(read.trial("NL8490").registry().code()).isEqualTo("NL_OMON");
    assertThat(read.trial("IRCT20100228003449N27").design().phases())
        .containsExactly("PHASE2", "PHASE3");
    assertThat(read.trial("2015-002340-14").registry().code()).isEqualTo("EUCTR");
    assertThat(read.payload("NL8490"))
        .startsWith("TrialID,Last Refreshed on,Public title,")
        .contains("\r\nNL8490,14 April 2020,");
  }

  /**
   * The Search Portal's own CSV export has 58 columns, named as two independent readers of live
   * exports list them (PancrePal-xiaoyibao/chictr-mcp-server, dev/browser-removal/WAF_RESEARCH.md
   * at 1c7de7cd, a 9,273-row export of 2026-10-04; and a parser asserting the same 58 headers): no
   * such file is public, so this one is derived, its row holding the real export's NL-OMON55279.
   */
  @Test
  void readsTheSearchPortalsCsvExportUnderItsOwnColumnNames() throws Exception {
    List<String> header =
        List.of(
            "TrialID",
            "Last Refreshed on",
            "Public title",
            "Scientific title",
            "Acronym",
            "Primary sponsor",
            "Date registration",
            "Date registration3",
            "Export date",
            "Source Register",
            "web address",
            "Recruitment Status",
            "other records",
            "Inclusion agemin",
            "Inclusion agemax",
            "Inclusion gender",
            "Date enrollement",
            "Target size",
            "Study type",
            "Study design",
            "Phase",
            "Countries",
            "Contact Firstname",
            "Contact Lastname",
            "Contact Address",
            "Contact Email",
            "Contact Tel",
            "Contact Affiliation",
            "Inclusion Criteria",
            "Exclusion Criteria",
            "Condition",
            "Intervention",
            "Primary outcome",
            "Secondary outcome",
            "Secondary ID",
            "Source Name",
            "Secondary Sponsor",
            "Ethics Status",
            "Ethics Approval Date",
            "Ethics Contact Name",
            "Ethics Contact Address",
            "Ethics Contact Phone",
            "Ethics Contact Email",
            "results yes no",
            "results date posted",
            "results url link",
            "results url protocol",
            "results date completed",
            "results date first publication",
            "results summary",
            "results baseline char",
            "results adverse events",
            "results outcome measures",
            "results ipd plan",
            "results ipd description",
            "Prospective registration",
            "Bridging flag truefalse",
            "Bridged type");
    Map<String, String> row =
        Map.ofEntries(
            Map.entry("TrialID", "NL-OMON55279"),
            Map.entry("Last Refreshed on", "9 April 2024"),
            Map.entry(
                "Public title",
                "A Phase 3 Global, Open-Label, Randomized Study to Evaluate the Efficacy and Safety"
                    + " of ION-682884 in Patients with Hereditary Transthyretin-Mediated Amyloid"
                    + " Polyneuropathy"),
            Map.entry("Primary sponsor", "Ionis Pharmaceuticals, Inc."),
            Map.entry("Date registration", "2021-03-01"),
            Map.entry("Date registration3", "20210301"),
            Map.entry("Export date", "06/09/2024 16:01:13"),
            Map.entry("Source Register", "NL-OMON"),
            Map.entry("web address", "https://onderzoekmetmensen.nl/en/trial/55279"),
            Map.entry("Target size", "2"),
            Map.entry("Study type", "Interventional"),
            Map.entry("Phase", "3"),
            Map.entry("Countries", "Netherlands"),
            Map.entry(
                "Condition",
                "<br>Familial amyloid polyneuropathy - Transthyretin (TTR) amyloid"
                    + " polyneuropathy;10034606"),
            Map.entry("Secondary ID", "EUCTR2019-001698-10-NL;NCT04136184;NL73848.000.21"),
            Map.entry("Source Name", "industry"),
            Map.entry("Ethics Status", "Approved;Approved"));
    StringBuilder csv = new StringBuilder("\uFEFF" + String.join(",", header) + "\r\n");
    csv.append(
            String.join(
                ",",
                header.stream()
                    .map(h -> "\"" + row.getOrDefault(h, "").replace("\"", "\"\"") + "\"")
                    .toList()))
        .append("\r\n");

    Trial fromCsv =
        IctrpExports.read(IctrpExports.write(dir, "ICTRP-Results.csv", csv.toString()))
            .trial("NL-OMON55279");
    Trial fromXml =
        IctrpExports.read(
                IctrpExports.write(
                    dir, "ICTRP-Results.xml", IctrpExports.text("export-2024-06-09.xml")))
            .trial("NL-OMON55279");

    assertThat(fromCsv.registry()).isEqualTo(fromXml.registry());
    assertThat(fromCsv.origin()).isEqualTo(fromXml.origin());
    assertThat(fromCsv.titles().title()).isEqualTo(fromXml.titles().title());
    assertThat(fromCsv.sponsors()).isEqualTo(fromXml.sponsors()); // Source Name is Source_Support
    assertThat(fromCsv.design()).isEqualTo(fromXml.design());
    assertThat(fromCsv.dates()).isEqualTo(fromXml.dates());
    assertThat(fromCsv.topic().conditions()).isEqualTo(fromXml.topic().conditions());
    assertThat(fromCsv.countries()).isEqualTo(fromXml.countries());
    assertThat(fromCsv.secondaryIds()).isEqualTo(fromXml.secondaryIds());
  }

  @Test
  void readsTheNewestExportOfAFolder() throws Exception {
    Path older =
        IctrpExports.write(dir, "ICTRP-Results.xml", IctrpExports.text("export-2020-03-18.xml"));
    Path newer =
        IctrpExports.write(dir, "ICTRP-Results(1).xml", IctrpExports.text("export-2026-09-18.xml"));
    IctrpExports.write(dir, "notes.txt", "not an export");
    Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
    Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));

    IctrpExports.Read read = IctrpExports.read(dir);

    assertThat(read.summary().query()).isEqualTo("file=" + newer);
    assertThat(read.ids()).containsExactly("NCT07758270", "NCT07768761", "DRKS00040782");
  }
}
