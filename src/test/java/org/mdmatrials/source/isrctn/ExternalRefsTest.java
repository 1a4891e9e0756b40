package org.mdmatrials.source.isrctn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalRefsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"Nil known", "nil known.", "N/A", "NA", "None", "Not applicable", "Unknown", "-"})
  void takesPlaceholdersForNoId(String text) {
    assertThat(ExternalRefs.isPlaceholder(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"NCT01727609", "HTA 11/01/25", "40/2006", "CIV-ID 23-12-045096"})
  void takesRealIdsForIds(String text) {
    assertThat(ExternalRefs.isPlaceholder(text)).isFalse();
  }
}
