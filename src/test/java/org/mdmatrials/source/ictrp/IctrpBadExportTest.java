package org.mdmatrials.source.ictrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdmatrials.CollectingSink;
import org.mdmatrials.Fixtures;
import org.mdmatrials.cli.Modules;
import org.mdmatrials.source.HarvestScope;

/**
 * Files that are not a whole ICTRP export, each derived here from a recorded real one (or, for
 * another registry's file, the recorded ISRCTN response): the file fails as a whole, naming itself
 * and where it broke, before any of its records is handed on; a record that cannot be read is left
 * out and the others are read.
 */
class IctrpBadExportTest {
  private static final String EXPORT = IctrpExports.text("export-2024-06-09.xml");
  private static final String ROOT_END = "\n</Trials_downloaded_from_ICTRP>";

  @TempDir Path dir;
  private final CollectingSink sink = new CollectingSink();

  @Test
  void readsAnExportThatStopsAfterItsLastRecordWithoutClosingItsRoot() throws Exception {
    // WHO's all-results export may end so; derived by cutting the root's end tag off.
    Path file = write(EXPORT.substring(0, EXPORT.length() - ROOT_END.length()));

    IctrpExports.Read read = IctrpExports.read(file);

    assertThat(read.ids()).hasSize(11).endsWith("KCT0000379");
    assertThat(read.summary().received()).isEqualTo(12);
  }

  @Test
  void failsAnExportCutShortInsideARecordNamingTheFileTheLineAndTheRecord() throws Exception {
    String cut = EXPORT.substring(0, EXPORT.indexOf("<Last_Refreshed_on>19 February 2024") + 25);
    Path file = write(cut);

    assertThatThrownBy(() -> harvest(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ", line ")
        .hasMessageContaining(
            ": cut short or damaged inside record 5 (TrialID EUCTR2021-000037-14-DK): ")
        .hasMessageEndingWith(". Export the search results again");
    assertThat(sink.trials).isEmpty();
  }

  @Test
  void failsAnotherRegistrysFile() throws Exception {
    Path file = write(Fixtures.text("isrctn/query-colchicine.xml"));

    assertThatThrownBy(() -> harvest(file))
        .hasMessageMatching(
            "\\Q"
                + file
                + "\\E, line \\d+, column \\d+: not an ICTRP export: expected the root"
                + " <Trials_downloaded_from_ICTRP> but was <allTrials>");
    assertThat(sink.trials).isEmpty();
  }

  @Test
  void failsAnHtmlPageSavedInsteadOfTheExport() throws Exception {
    // What a browser saves from the results page, reduced to its opening.
    Path withDoctype =
        write(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><title>ICTRP Search Portal</title>",
            "page.xml");
    Path withoutDoctype =
        write("<html><head><title>ICTRP Search Portal</title></head></html>", "page2.xml");

    assertThatThrownBy(() -> harvest(withDoctype))
        .hasMessageStartingWith(withDoctype + ", line 1, column ")
        .hasMessageEndingWith(
            ": not an ICTRP export: it declares a DOCTYPE (<!DOCTYPE html>), which is refused: an"
                + " HTML page, saved instead of the exported file?");
    assertThatThrownBy(() -> harvest(withoutDoctype))
        .hasMessageContaining("but was <html>: an HTML page, saved instead of the exported file?");
  }

  @Test
  void refusesEntityExpansionAndExternalEntities() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do not read me");
    String record = EXPORT.substring(EXPORT.indexOf("  <Trial>"), EXPORT.indexOf("</Trial>") + 8);
    Path laughs =
        write(
            "<?xml version='1.0' encoding='UTF-8' ?>\n<!DOCTYPE Trials_downloaded_from_ICTRP ["
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<Trials_downloaded_from_ICTRP>\n"
                + record.replace("Alnylam Pharmaceuticals", "&c;")
                + ROOT_END);
    Path external =
        write(
            "<?xml version='1.0' encoding='UTF-8' ?>\n<!DOCTYPE Trials_downloaded_from_ICTRP ["
                + "<!ENTITY secret SYSTEM \""
                + secret.toUri()
                + "\">]>\n<Trials_downloaded_from_ICTRP>\n"
                + record.replace("Alnylam Pharmaceuticals", "&secret;")
                + ROOT_END);

    assertThatThrownBy(() -> harvest(laughs)).hasMessageContaining("declares a DOCTYPE");
    assertThatThrownBy(() -> harvest(external))
        .hasMessageContaining("declares a DOCTYPE")
        .hasMessageNotContaining("do not read me");
    assertThat(sink.trials).isEmpty();
  }

  @Test
  void failsARecordRunningLongerThanAnyRealOne() throws Exception {
    String record = EXPORT.substring(EXPORT.indexOf("  <Trial>"), EXPORT.indexOf("</Trial>") + 8);
    String huge = record.replace("France\n", "France;".repeat(1_300_000) + "\n");
    Path file = write(EXPORT.replace(record, huge));

    assertThatThrownBy(() -> harvest(file))
        .hasMessageContaining("cut short or damaged inside record 1 (TrialID NCT06360289)")
        .hasMessageContaining("a record runs longer than 8 MB; no ICTRP record is");
  }

  @Test
  void leavesOutARecordItCannotReadAndReadsTheOthers() throws Exception {
    String unknownRegistry =
        EXPORT.replace(
            "<Source_Register>German Clinical Trials Register\n",
            "<Source_Register>Registro Imaginario\n");
    String badDate =
        unknownRegistry.replace(
            "<Date_enrollement>2021-09-20\n", "<Date_enrollement>the autumn of 2021\n");
    Path file = write(badDate);

    IctrpExports.Read read = IctrpExports.read(file);

    assertThat(read.ids()).hasSize(9).doesNotContain("DRKS00032447", "ChiCTR2100050713");
    assertThat(read.sink().skipped)
        .extracting(s -> s.trialId() + " " + s.position() + " " + s.path() + ": " + s.problem())
        .containsExactly(
            "DRKS00032447 8 /Trials_downloaded_from_ICTRP/Trial[8]/Source_Register: Expected a"
                + " registry ICTRP gathers ("
                + WhoRegistries.names()
                + ") but was \"Registro Imaginario\"",
            "ChiCTR2100050713 11 /Trials_downloaded_from_ICTRP/Trial[11]/Date_enrollement:"
                + " Expected a date such as 20240408, 2021-09-20, 08/04/2024 (day first), April 25,"
                + " 2024 or 20 May 2024 but was \"the autumn of 2021\"");
    assertThat(read.summary().skipped()).isEqualTo(2);
  }

  @Test
  void failsAnEmptyFileAndAFolderWithoutAnExport() throws Exception {
    Path empty = write("\uFEFF  \n");
    Path folder = Files.createDirectory(dir.resolve("exports"));
    Files.writeString(folder.resolve("readme.txt"), "save ICTRP-Results.xml here");

    assertThatThrownBy(() -> harvest(empty))
        .hasMessage(empty + ": the file is empty, not an ICTRP export");
    assertThatThrownBy(() -> harvest(folder))
        .hasMessage(folder + ": the folder holds no .xml or .csv export");
    assertThatThrownBy(() -> harvest(dir.resolve("missing.xml")))
        .hasMessage(
            dir.resolve("missing.xml") + ": no such file or folder: save the ICTRP export there");
  }

  @Test
  void leavesOutACsvRowOfAnotherWidthAndFailsACsvCutInsideAField() throws Exception {
    String csv = IctrpExports.text("covid19-2020-04-15.csv");
    int second = csv.indexOf("\r\n\"ACTRN12620000417987\"");
    String widened = csv.substring(0, second) + ",\"one field too many\"" + csv.substring(second);
    Path cut = write(csv.substring(0, csv.indexOf("\"NL8490\"") + 40), "cut.csv");

    IctrpExports.Read read = IctrpExports.read(write(widened, "widened.csv"));

    assertThat(read.ids()).hasSize(20).doesNotContain("ACTRN12620000421932");
    assertThat(read.sink().skipped)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.trialId()).isNull();
              assertThat(s.path()).isEqualTo("/Trials_downloaded_from_ICTRP/Trial[1]");
              assertThat(s.problem())
                  .startsWith("Expected 34 fields, as the header names but was 35 (line ");
            });
    assertThatThrownBy(() -> harvest(cut))
        .hasMessageMatching(
            "\\Q"
                + cut
                + "\\E, line \\d+: cut short or damaged: .*Export the search results again");
  }

  private Path write(String text) throws IOException {
    return write(text, "ICTRP-Results.xml");
  }

  private Path write(String text, String name) throws IOException {
    return IctrpExports.write(dir, name, text);
  }

  private void harvest(Path file) throws IOException {
    new IctrpSource(file, Modules.SHIPPED.registries()).harvest(sink, HarvestScope.full());
  }
}
