package org.mdmatrials.source.ictrp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.core.IdForm;
import org.mdmatrials.core.Registries;
import org.mdmatrials.core.Registry;

/**
 * The registries an ICTRP export gathers, as its {@code Source_Register} names them, and the forms
 * of their ids.
 *
 * <p>The names are those seen in real exports (a 95-trial export of 2024-06-09, a 578-trial export
 * of 2020-03-18, WHO's COVID-19 CSV of 2020-04-15, and a 3,030-trial export measured field by field
 * in 2026; see src/test/resources/fixtures/ictrp/PROVENANCE.md). The id forms follow the
 * registries' patterns as the ctregistries package collects them (github.com/maia-sh/ctregistries,
 * inst/extdata/registries.csv at 5a266e5f), each checked against a real id: ACTRN12620000421932,
 * NL-OMON55279, NL8490, NTR6670, DRKS00032447, jRCTs031210288, jRCT2080224769, UMIN000027045,
 * JapicCTI-194846, ChiCTR2100050713, KCT0000379, IRCT20100228003449N27, TCTR20200321001.
 */
final class WhoRegistries {
  /** One registry ICTRP gathers: how {@code Source_Register} names it, and its ids' forms. */
  record Gathered(Registry registry, List<String> names, List<IdForm> forms) {}

  static final List<Gathered> GATHERED =
      List.of(
          gathered(
              "ANZCTR",
              "Australian New Zealand Clinical Trials Registry",
              List.of("ANZCTR"),
              // An earlier version of a record carries a trailing p (ACTRN12619001334190p, the
              // original of the EMMAC study): the same trial.
              form("ACTRN", "ACTRN[\\s-]*(\\d{14})P?")),
          gathered(
              "NL_OMON",
              "Overview of Medical Research in the Netherlands, formerly NTR",
              List.of("NL-OMON", "Netherlands Trial Register", "NTR"),
              form("NL-OMON", "NL-?OMON[\\s-]*(\\d{1,6})"),
              form("NTR", "NTR[\\s-]*(\\d{1,5})"),
              // The register's ids from 2019 on (NL8490); not a CCMO number (NL20491.042.08).
              form("NL", "NL(\\d{2,4})(?!\\.\\d)")),
          gathered(
              "DRKS",
              "German Clinical Trials Register",
              List.of("German Clinical Trials Register", "DRKS"),
              form("DRKS", "DRKS[\\s-]*(\\d{8})")),
          gathered(
              "JPRN",
              "Japan Primary Registries Network",
              List.of("JPRN"),
              // ICTRP writes them after JPRN- (JPRN-jRCTs031210288); the registries do not.
              form("jRCT", "(?:JPRN-)?jRCT[\\s-]*([0-9a-z]\\d{9})"),
              form("UMIN", "(?:JPRN-)?UMIN[\\s-]*(?:CTR[\\s-]*)?(\\d{9})"),
              form("JapicCTI-", "(?:JPRN-)?Japic[\\s-]*CTI[\\s-]*(\\d{6})"),
              form("JMA-IIA", "(?:JPRN-)?JMA[\\s-]*IIA(\\d{5})")),
          gathered(
              "CHICTR",
              "Chinese Clinical Trial Registry",
              List.of("ChiCTR"),
              form("ChiCTR", "ChiCTR[\\s-]*(\\d{8,10})"),
              form("ChiCTR-", "ChiCTR[\\s-]*([A-Z]{3}-\\d{8})")),
          gathered(
              "CTRI",
              "Clinical Trials Registry - India",
              List.of("CTRI"),
              form("CTRI/", "CTRI\\s*/\\s*(\\d{4}/\\d{2,3}/\\d{6})")),
          gathered(
              "IRCT",
              "Iranian Registry of Clinical Trials",
              List.of("IRCT"),
              form("IRCT", "IRCT[\\s-]*(\\d{10,16}N\\d{1,3})")),
          gathered(
              "REBEC",
              "Brazilian Clinical Trials Registry",
              List.of("REBEC", "ReBec"),
              form("RBR-", "RBR[\\s-]*(\\d[0-9a-z]{5,9})")),
          gathered(
              "CRIS",
              "Clinical Research Information Service, Republic of Korea",
              List.of("CRIS"),
              form("KCT", "KCT[\\s-]*(\\d{7})")),
          gathered(
              "TCTR",
              "Thai Clinical Trials Registry",
              List.of("TCTR"),
              form("TCTR", "TCTR[\\s-]*(\\d{11})")),
          gathered(
              "PACTR",
              "Pan African Clinical Trials Registry",
              List.of("PACTR"),
              form("PACTR", "PACTR[\\s-]*(\\d{15,16})")),
          gathered(
              "SLCTR",
              "Sri Lanka Clinical Trials Registry",
              List.of("SLCTR"),
              form("SLCTR/", "SLCTR\\s*/\\s*(\\d{4}/\\d{3})")),
          gathered(
              "RPCEC",
              "Cuban Public Registry of Clinical Trials",
              List.of("RPCEC"),
              form("RPCEC", "RPCEC[\\s-]*(\\d{8})")),
          gathered(
              "REPEC",
              "Peruvian Clinical Trials Registry",
              List.of("REPEC"),
              form("PER-", "PER-(\\d{3}-\\d{2})")),
          gathered(
              "LBCTR",
              "Lebanese Clinical Trials Registry",
              List.of("LBCTR"),
              form("LBCTR", "LBCTR[\\s-]*(\\d{10})")),
          gathered(
              "ITMCTR",
              "International Traditional Medicine Clinical Trial Registry",
              List.of("ITMCTR")));

  /**
   * The registries other modules harvest directly, by code, as {@code Source_Register} names them.
   */
  private static final Map<String, String> HARVESTED =
      Map.of(
          "clinicaltrials.gov", "CTGOV",
          "eu clinical trials register", "EUCTR",
          "euctr", "EUCTR",
          "isrctn", "ISRCTN",
          "clinical trials information system", "CTIS",
          "ctis", "CTIS");

  /**
   * How ICTRP writes the ids of the EU's registries: the EudraCT number after EUCTR and before the
   * member state (EUCTR2018-001718-13-NL), the CTIS number after CTIS (CTIS2023-507385-11-00); each
   * the number alone, as the EU registries' own modules write it.
   */
  static final IdForm EUDRACT = new IdForm("", "EUCTR[\\s-]*(\\d{4}-\\d{6}-\\d{2})");

  static final IdForm CTIS = new IdForm("", "CTIS[\\s-]*(\\d{4}-\\d{6}-\\d{2}-\\d{2})");

  private WhoRegistries() {}

  /** Every id form ICTRP's records are written in, beyond those of the registries harvested. */
  static List<IdForm> forms() {
    return Stream.concat(
            GATHERED.stream().flatMap(g -> g.forms().stream()), Stream.of(EUDRACT, CTIS))
        .toList();
  }

  /** The registry a {@code Source_Register} value names, among those {@code known}. */
  static Optional<Registry> named(String sourceRegister, Registries known) {
    String name = sourceRegister.strip().toLowerCase(Locale.ROOT);
    for (Gathered g : GATHERED) {
      if (g.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name))) {
        return Optional.of(g.registry());
      }
    }
    String code = HARVESTED.get(name);
    return code == null ? Optional.empty() : known.byCode(code);
  }

  /**
   * The trial's id as its registry writes it: the EudraCT or CTIS number alone for the EU's
   * registries, an id in one of its registry's forms normalised ({@code ACTRN…p} without the p,
   * {@code JPRN-UMIN000027045} as {@code UMIN000027045}), any other as given.
   */
  static String trialId(Registry registry, String given) {
    if (registry.code().equals("EUCTR")) {
      // One record per member state, the state after the number: EUCTR2018-001718-13-NL.
      Matcher m = compile(EUDRACT).matcher(given);
      return m.lookingAt() ? m.group(1) : given;
    }
    List<IdForm> forms =
        registry.code().equals("CTIS")
            ? List.of(CTIS)
            : GATHERED.stream()
                .filter(g -> g.registry().equals(registry))
                .flatMap(g -> g.forms().stream())
                .toList();
    for (IdForm form : forms) {
      Matcher m = compile(form).matcher(given);
      if (m.matches()) {
        return form.prefix() + m.group(1);
      }
    }
    return given;
  }

  /**
   * The member state of an EU register record as ICTRP writes its id ({@code NL} of {@code
   * EUCTR2018-001718-13-NL}), or null.
   */
  static @Nullable String memberState(String given) {
    Matcher m = compile(EUDRACT).matcher(given);
    if (!m.lookingAt() || m.end() == given.length()) {
      return null;
    }
    String rest = given.substring(m.end()).replaceFirst("^[\\s-]+", "");
    return rest.isEmpty() ? null : rest;
  }

  private static Pattern compile(IdForm form) {
    return Pattern.compile(form.pattern(), Pattern.CASE_INSENSITIVE);
  }

  /** The names {@code Source_Register} may hold, for a message. */
  static String names() {
    return String.join(
        ", ",
        Stream.concat(
                Stream.of("ClinicalTrials.gov", "EU Clinical Trials Register", "ISRCTN", "CTIS"),
                GATHERED.stream().flatMap(g -> g.names().stream()))
            .toList());
  }

  private static Gathered gathered(
      String code, String displayName, List<String> names, IdForm... forms) {
    return new Gathered(new Registry(code, displayName), names, List.of(forms));
  }

  private static IdForm form(String prefix, String pattern) {
    return new IdForm(prefix, pattern);
  }
}
