package org.mdmatrials.classify;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A rules file that cannot be used: missing, not valid YAML, or not the expected shape. The message
 * names the file and the key: {@code config/categories.yaml: unknown key 'categories.PTSD.fileds'}.
 */
public final class RulesException extends Exception {
  private static final long serialVersionUID = 1L;

  RulesException(Path file, String problem) {
    super(file + ": " + problem);
  }

  RulesException(Path file, @Nullable String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
