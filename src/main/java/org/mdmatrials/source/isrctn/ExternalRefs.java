package org.mdmatrials.source.isrctn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mdmatrials.core.SecondaryId;

/**
 * The other identifiers an ISRCTN record gives its trial ({@code trial/externalRefs}), each typed
 * by what it is, once each, and without the placeholders registrants write into empty fields.
 *
 * <p>Types: NCT ({@code clinicalTrialsGovNumber}); EUDRACT_NUMBER, CTIS or CIV_ID (a EUDAMED
 * clinical investigation id) by the shape of the text in {@code eudraCTNumber} and in secondary
 * numbers typed euctr, eudract or ctis, or else the registry's field name, since those fields hold
 * other text too ("CIV-ID 23-12-045096"); IRAS; CPMS; PROTOCOL_SERIAL_NUMBER (ISRCTN's
 * "Protocol/serial number", which may be a sponsor's, a funder's or a network's number); other
 * secondary numbers by their {@code numberType}, verbatim. The DOI is left out: ISRCTN mints it
 * from the ISRCTN itself.
 */
final class ExternalRefs {
  private static final Pattern EUDRACT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");
  private static final Pattern CTIS = Pattern.compile("\\d{4}-5\\d{5}-\\d{2}-\\d{2}");
  private static final Pattern CIV_ID = Pattern.compile("(?i)CIV[- ].*");

  /**
   * Texts that stand for "no such id", compared without case and a final full stop ("Nil known" is
   * the registry's own wording; the others occur in its records and in other registries').
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "nil known",
          "nil",
          "none",
          "none known",
          "n/a",
          "na",
          "not applicable",
          "not available",
          "not known",
          "unknown",
          "-");

  private static final Map<String, String> NUMBER_TYPES =
      Map.of(
          "nct", "NCT",
          "iras", "IRAS",
          "cpms", "CPMS",
          "protocol serial number", "PROTOCOL_SERIAL_NUMBER");

  private static final Set<String> EU_NUMBER_TYPES = Set.of("euctr", "eudract", "ctis");

  private ExternalRefs() {}

  /** The identifiers in {@code externalRefs}, in the order the record gives them, once each. */
  static List<SecondaryId> secondaryIds(XmlElement externalRefs) {
    Map<String, SecondaryId> byId = new LinkedHashMap<>();
    add(byId, "NCT", externalRefs.text("clinicalTrialsGovNumber"));
    String eudraCt = externalRefs.text("eudraCTNumber");
    add(byId, euType(eudraCt, "eudraCTNumber"), eudraCt);
    add(byId, "IRAS", externalRefs.text("irasNumber"));
    add(byId, "PROTOCOL_SERIAL_NUMBER", externalRefs.text("protocolSerialNumber"));
    for (XmlElement number : externalRefs.all("secondaryNumbers", "secondaryNumber")) {
      String id = number.text();
      add(byId, numberType(number.attribute("numberType"), id), id);
    }
    return new ArrayList<>(byId.values());
  }

  private static void add(Map<String, SecondaryId> byId, String type, String id) {
    if (id == null || isPlaceholder(id)) {
      return;
    }
    // The secondary numbers repeat the fields above (IRAS, protocol number): the first, more
    // specifically typed, one stays.
    byId.putIfAbsent(id, new SecondaryId(type, id, null));
  }

  static boolean isPlaceholder(String id) {
    String text = id.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return PLACEHOLDERS.contains(text);
  }

  private static String numberType(String numberType, String id) {
    if (numberType == null) {
      return "SECONDARY_NUMBER";
    }
    String key = numberType.toLowerCase(Locale.ROOT);
    if (EU_NUMBER_TYPES.contains(key)) {
      return euType(id, numberType);
    }
    return NUMBER_TYPES.getOrDefault(key, numberType);
  }

  /** What an id in a field meant for EU numbers is by its shape, or else {@code field}. */
  private static String euType(String id, String field) {
    if (id == null) {
      return field;
    }
    if (EUDRACT.matcher(id).matches()) {
      return "EUDRACT_NUMBER";
    }
    if (CTIS.matcher(id).matches()) {
      return "CTIS";
    }
    if (CIV_ID.matcher(id).matches()) {
      return "CIV_ID";
    }
    return field;
  }
}
