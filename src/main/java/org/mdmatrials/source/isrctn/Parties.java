package org.mdmatrials.source.isrctn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.mdmatrials.source.MalformedRecordException;

/**
 * A trial's organisations: the {@code sponsor} and {@code funder} elements beside its {@code
 * trial}, in the order the trial's {@code parties} lists their ids. The first sponsor leads; the
 * other sponsors and the funders are collaborators.
 */
record Parties(String leadSponsor, List<String> collaborators) {

  static Parties of(XmlElement fullTrial, XmlElement parties) throws MalformedRecordException {
    List<String> sponsors = names(fullTrial, parties, "sponsor", "sponsorId", "organisation");
    List<String> funders = names(fullTrial, parties, "funder", "funderId", "name");
    String lead = sponsors.isEmpty() ? null : sponsors.get(0);
    List<String> collaborators =
        Stream.concat(sponsors.stream().skip(1), funders.stream())
            .filter(name -> !name.equals(lead))
            .distinct()
            .toList();
    return new Parties(lead, collaborators);
  }

  /**
   * The names of the {@code element}s the trial refers to by {@code idElement}, in that order, then
   * of any the record holds without referring to them.
   */
  private static List<String> names(
      XmlElement fullTrial, XmlElement parties, String element, String idElement, String nameField)
      throws MalformedRecordException {
    List<XmlElement> all = fullTrial.children(element);
    List<XmlElement> unreferenced = new ArrayList<>(all);
    List<XmlElement> ordered = new ArrayList<>();
    List<XmlElement> ids = parties.children(idElement);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).text();
      if (id == null) {
        continue;
      }
      XmlElement party =
          all.stream().filter(e -> id.equals(e.attribute("id"))).findFirst().orElse(null);
      if (party == null) {
        throw new MalformedRecordException(
            "trial/parties/" + idElement + "[" + (i + 1) + "]",
            "the id of a <" + element + "> in the record",
            "\"" + id + "\", which none has");
      }
      if (unreferenced.remove(party)) {
        ordered.add(party);
      }
    }
    ordered.addAll(unreferenced);
    return ordered.stream()
        .map(e -> e.text(nameField))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }
}
