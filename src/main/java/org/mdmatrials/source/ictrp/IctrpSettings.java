package org.mdmatrials.source.ictrp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mdmatrials.source.SourceContext;
import org.mdmatrials.source.SourceSettings;
import org.mdmatrials.source.TrialSource;

/**
 * Whether to read an ICTRP export, and which: a file, or a folder whose newest export is read.
 *
 * @param file an absolute path; null when switched off
 */
record IctrpSettings(boolean enabled, @Nullable String file) implements SourceSettings {
  /** A file named on the command line is read, whatever the configuration says. */
  @Override
  public SourceSettings withLocation(String location) {
    return new IctrpSettings(true, location);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("enabled", enabled);
    keys.put(
        "file", file == null ? "(none: switched off)" : file + ExportFile.describe(Path.of(file)));
    return keys;
  }

  @Override
  public TrialSource open(SourceContext context) {
    return new IctrpSource(Path.of(Objects.requireNonNull(file, "file")), context.registries());
  }
}
