package org.mdmatrials.source.euctr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mdmatrials.core.Intervention;

/**
 * The investigational medicinal products (section D) of a trial's member-state records as
 * interventions: one per product name across all records, its other names the union of what the
 * records call it; and a placebo when any record uses one.
 */
final class InterventionMapper {
  /** Names of an IMP, the first present being its name and the others its other names. */
  private static final List<Field> NAMES =
      List.of(
          Field.PRODUCT_NAME,
          Field.TRADE_NAME,
          Field.INN,
          Field.OTHER_DESCRIPTIVE_NAME,
          Field.PRODUCT_CODE,
          Field.SPONSOR_CODE);

  private InterventionMapper() {}

  static List<Intervention> interventions(List<NationalRecord> records) {
    Map<String, Named> byName = new LinkedHashMap<>();
    boolean placebo = false;
    for (NationalRecord record : records) {
      for (List<NationalRecord.Value> imp : record.imps()) {
        List<String> names = names(imp);
        if (!names.isEmpty()) {
          byName
              .computeIfAbsent(key(names.get(0)), k -> new Named(names.get(0), type(imp)))
              .addOtherNames(names.subList(1, names.size()));
        }
      }
      placebo |= record.yes(Field.PLACEBO_USED);
    }
    List<Intervention> interventions = new ArrayList<>();
    byName.values().forEach(n -> interventions.add(n.intervention()));
    if (placebo && !byName.containsKey(key("Placebo"))) {
      interventions.add(new Intervention("DRUG", "Placebo", List.of()));
    }
    return interventions;
  }

  private static List<String> names(List<NationalRecord.Value> imp) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (Field field : NAMES) {
      for (NationalRecord.Value value : imp) {
        if (value.field() == field && keys.add(key(value.text()))) {
          names.add(value.text());
        }
      }
    }
    return names;
  }

  /** ClinicalTrials.gov's intervention type from the IMP's D.3.11 classification. */
  private static String type(List<NationalRecord.Value> imp) {
    if (flagged(imp, Field.GENE_THERAPY)) {
      return "GENETIC";
    }
    if (flagged(imp, Field.BIOLOGICAL_ORIGIN) || flagged(imp, Field.ADVANCED_THERAPY)) {
      return "BIOLOGICAL";
    }
    return "DRUG";
  }

  private static boolean flagged(List<NationalRecord.Value> imp, Field field) {
    return imp.stream().anyMatch(v -> v.field() == field && v.isYes());
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** One intervention as it is gathered from the records. */
  private static final class Named {
    final String name;
    final String type;
    final Map<String, String> otherNames = new LinkedHashMap<>();

    Named(String name, String type) {
      this.name = name;
      this.type = type;
    }

    void addOtherNames(List<String> names) {
      for (String other : names) {
        if (!key(other).equals(key(name))) {
          otherNames.putIfAbsent(key(other), other);
        }
      }
    }

    Intervention intervention() {
      return new Intervention(type, name, List.copyOf(otherNames.values()));
    }
  }
}
