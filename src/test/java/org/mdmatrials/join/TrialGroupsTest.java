package org.mdmatrials.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialGroupsTest {
  @Test
  void joinsTwoRecordsThatNameEachOther() {
    TrialGroups groups = new TrialGroups();
    int ctgov = groups.add(Set.of("NCT04077437", "ISRCTN41823570"));
    int isrctn = groups.add(Set.of("ISRCTN41823570", "NCT04077437"));
    int other = groups.add(Set.of("NCT03537014"));

    assertThat(groups.groupOf(ctgov)).isEqualTo(groups.groupOf(isrctn));
    assertThat(groups.groupOf(other)).isNotEqualTo(groups.groupOf(ctgov));
    assertThat(groups.groupSizes()[groups.groupOf(ctgov)]).isEqualTo(2);
  }

  @Test
  void joinsAChainThroughTheRecordInTheMiddle() {
    TrialGroups groups = new TrialGroups();
    int a = groups.add(Set.of("NCT04077437"));
    int c = groups.add(Set.of("2019-001234-56"));
    int b = groups.add(Set.of("ISRCTN41823570", "NCT04077437", "2019-001234-56"));

    assertThat(groups.groupOf(a)).isEqualTo(groups.groupOf(b)).isEqualTo(groups.groupOf(c));
    assertThat(groups.groupSizes()[groups.groupOf(a)]).isEqualTo(3);
  }

  @Test
  void keepsARecordWithoutRegistryIdsAlone() {
    TrialGroups groups = new TrialGroups();
    int a = groups.add(Set.of());
    int b = groups.add(Set.of());

    assertThat(groups.groupOf(a)).isNotEqualTo(groups.groupOf(b));
  }

  @Test
  void growsPastItsFirstCapacity() {
    TrialGroups groups = new TrialGroups();
    for (int i = 0; i < 5000; i++) {
      groups.add(Set.of("NCT" + (10_000_000 + i / 2)));
    }

    assertThat(groups.size()).isEqualTo(5000);
    assertThat(groups.groupOf(4999)).isEqualTo(4998);
  }
}
