package org.mdmatrials.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mdmatrials.cli.Modules;

/** docs/data-dictionary.md against the dictionary itself. */
class DataDictionaryDocTest {
  private static final Path DOC = Path.of("docs/data-dictionary.md");

  @Test
  void documentHasTheLineOfEveryDictionaryEntry() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);

    assertThat(doc.lines())
        .containsAll(DataDictionaryMarkdown.columns(Modules.SHIPPED.dictionary().entries()));
  }

  @Test
  void documentHasTheLineOfEverySourceOfEveryColumn() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);

    assertThat(doc.lines())
        .containsAll(DataDictionaryMarkdown.sources(Modules.SHIPPED.dictionary().sources()));
  }
}
