package org.mdmatrials.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's data dictionary against the dictionary itself. */
class DataDictionaryReadmeTest {
  @Test
  void readmeHasTheLineOfEveryDictionaryEntry() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

    assertThat(readme.lines()).containsAll(DataDictionaryMarkdown.table(DataDictionary.entries()));
  }
}
