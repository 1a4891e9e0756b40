package org.mdmatrials.source.ctis;

import static org.mdmatrials.source.ctis.CtisMapper.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mdmatrials.core.SecondaryId;
import org.mdmatrials.source.ctis.CtisRecordJson.ClinicalTrialIdentifiers;
import org.mdmatrials.source.ctis.CtisRecordJson.EudraCt;

/**
 * Every identifier a CTIS record gives for the trial elsewhere: the registries in {@code
 * secondaryIdentifyingNumbers} (NCT and ISRCTN numbers, any other by its field name, and {@code
 * additionalRegistries} by their registry's name), the EudraCT number of a trial transitioned from
 * the old register, and the sponsor's protocol code, which CTIS keeps as {@code shortTitle} (real
 * ones read "MK-5592-127", "200925").
 */
final class SecondaryIds {
  private static final Map<String, Kind> NUMBER_KINDS =
      Map.of(
          "nctNumber", new Kind("NCT", "ClinicalTrials.gov"),
          "isrctnNumber", new Kind("ISRCTN", "ISRCTN"));

  private record Kind(String type, String domain) {}

  private SecondaryIds() {}

  static List<SecondaryId> of(ClinicalTrialIdentifiers ids, EudraCt eudraCt, String sponsor) {
    List<SecondaryId> found = new ArrayList<>();
    JsonNode numbers = ids == null ? null : ids.secondaryIdentifyingNumbers();
    if (numbers != null && numbers.isObject()) {
      numbers.properties().forEach(field -> addNumbers(field.getKey(), field.getValue(), found));
    }
    String eudraCtCode = eudraCt == null ? null : text(eudraCt.eudraCtCode());
    if (eudraCtCode != null) {
      found.add(new SecondaryId("EUDRACT_NUMBER", eudraCtCode, "EudraCT"));
    }
    String protocolCode = ids == null ? null : text(ids.shortTitle());
    if (protocolCode != null) {
      found.add(new SecondaryId("SPONSOR_PROTOCOL", protocolCode, sponsor));
    }
    return found;
  }

  private static void addNumbers(String field, JsonNode value, List<SecondaryId> found) {
    if (value.isArray()) {
      for (JsonNode entry : value) {
        addNumber(
            new Kind("REGISTRY", text(entry.path("otherRegistryName").textValue())), entry, found);
      }
      return;
    }
    addNumber(NUMBER_KINDS.getOrDefault(field, new Kind(field, null)), value, found);
  }

  /** A number given as {@code {"number": …}} or as a bare text. */
  private static void addNumber(Kind kind, JsonNode value, List<SecondaryId> found) {
    JsonNode number = value.isObject() ? value.path("number") : value;
    String id = number.isTextual() ? text(number.textValue()) : null;
    if (id != null) {
      found.add(new SecondaryId(kind.type(), id, kind.domain()));
    }
  }
}
