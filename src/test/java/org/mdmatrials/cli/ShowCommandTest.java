package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} against two nights harvested from the four stand-in registries. */
class ShowCommandTest {
  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir static Path output;
  @TempDir Path empty;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void twoNights() {
    for (boolean secondNight : List.of(false, true)) {
      MdmaLikeRegistries.serve(registry, secondNight);
      List<String> args = new ArrayList<>(List.of("run", "--full"));
      args.addAll(MdmaLikeRegistries.runFlags(output.toString(), registry.baseUrl()));
      StringWriter log = new StringWriter();
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(log, true));
      cli.setErr(new PrintWriter(log, true));
      assertThat(cli.execute(args.toArray(String[]::new))).as(log.toString()).isZero();
    }
  }

  @Test
  void showsTheFieldsCategoriesRecordsAndHistoryOfATrial() {
    String id = MdmaLikeRegistries.mdmaLikeId(13);

    assertThat(show(id)).as(err.toString()).isZero();

    assertThat(out.toString())
        .startsWith(id + "  Group Therapy With MDMA for PTSD in Veterans\n")
        .containsPattern("\n  url +https://clinicaltrials.gov/study/" + id + "\n")
        .containsPattern("\n  mdma_role +INTERVENTION\n")
        .containsPattern("\n  primary_category +PTSD\n")
        .containsPattern("\n  overall_status +COMPLETED\n")
        .contains("\n  PTSD (primary): condition \"PTSD\", title \"PTSD\"\n")
        .containsPattern("\n  CTGOV +" + id + " +fresh")
        .contains("): 2 versions\n")
        .contains("    first published\n")
        .contains("    overall_status: RECRUITING -> COMPLETED\n")
        .contains("    enrollment: 40 -> 38\n")
        .contains("    enrollment_type: ESTIMATED -> ACTUAL\n")
        // Its record history (MdmaLikeRegistries): registered with another primary outcome.
        .contains(
            "\nPrimary outcomes as the registry versioned them before (its record history)\n"
                + "  CTGOV version 0, 2018-09-27: Anti-tumor response as defined by a patient"
                + " achieving either of the following outcomes: [52 weeks]\n"
                + "  CTGOV version 5, 2019-01-18: Clinical effect of abexinostat");
    assertThat(out.toString().lines().filter(l -> l.startsWith("  from ")))
        .hasSize(2)
        .last()
        .asString()
        .endsWith(", current");
  }

  @Test
  void findsATrialByAnyOfItsLinkedIds() {
    for (String linked : List.of("isrctn41823570", "2022-002568-62", "2024-510663-34-00")) {
      out.getBuffer().setLength(0);

      assertThat(show(linked)).as(linked + ": " + err).isZero();

      assertThat(out.toString())
          .as(linked)
          .startsWith("NCT04494412  ")
          .contains("(found by " + linked + ")")
          .containsPattern("\n  ISRCTN +ISRCTN41823570 +fresh")
          .containsPattern("\n  EUCTR +2022-002568-62 +fresh")
          .contains("Linked ids: NCT04494412; ISRCTN41823570; ");
    }
  }

  @Test
  void saysWhenNoTrialHasTheIdAndHowToListThem() {
    assertThat(show("NCT00000000")).isEqualTo(1);

    assertThat(err.toString())
        .contains("no trial NCT00000000 in " + output.resolve("latest/trials.sqlite"))
        .contains("List the ids with: sqlite3 ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void saysWhenThereIsNoSnapshotYet() {
    var cli = cli();

    assertThat(cli.execute("show", "NCT00000000", "--output", empty.toString())).isEqualTo(1);

    assertThat(err.toString())
        .contains("no snapshot yet: " + empty.resolve("latest/trials.sqlite") + " does not exist")
        .contains("Run 'mdma-trials run' first");
  }

  @Test
  void refusesAMissingIdAsBadUsage() {
    assertThat(cli().execute("show")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'TRIAL_ID'");
  }

  private int show(String id) {
    return cli().execute("show", id, "--output", output.toString());
  }

  private picocli.CommandLine cli() {
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }
}
