package org.mdmatrials;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules docs/ARCHITECTURE.md states for the packages, checked on the compiled main classes: no
 * cycle, dependencies pointing one way, and each library in its one place.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.mdmatrials");

  private static final List<String> REGISTRIES =
      List.of(
          "org.mdmatrials.source.ctgov",
          "org.mdmatrials.source.isrctn",
          "org.mdmatrials.source.ctis",
          "org.mdmatrials.source.euctr",
          "org.mdmatrials.source.ictrp");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("org.mdmatrials.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void coreUsesNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.mdmatrials.core")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.mdmatrials.core", "java..", "org.jspecify..")
        .check(MAIN);
  }

  @Test
  void dependenciesPointFromTheCommandsDownToTheCore() {
    layer("org.mdmatrials.http..", "org.mdmatrials.core..", "org.mdmatrials.http..");
    layer(
        "org.mdmatrials.source..",
        "org.mdmatrials.core..",
        "org.mdmatrials.http..",
        "org.mdmatrials.source..");
    layer("org.mdmatrials.join..", "org.mdmatrials.core..", "org.mdmatrials.join..");
    layer("org.mdmatrials.classify..", "org.mdmatrials.core..", "org.mdmatrials.classify..");
    layer("org.mdmatrials.sink..", "org.mdmatrials.core..", "org.mdmatrials.sink..");
    layer(
        "org.mdmatrials.store..",
        "org.mdmatrials.core..",
        "org.mdmatrials.sink",
        "org.mdmatrials.store..");
    only("org.mdmatrials.cli..", "org.mdmatrials.cli..");
    only("org.mdmatrials.schedule..", "org.mdmatrials.schedule..", "org.mdmatrials.cli..");
    only("org.mdmatrials.run..", "org.mdmatrials.run..", "org.mdmatrials.cli..");
    only("org.mdmatrials.config..", "org.mdmatrials.config..", "org.mdmatrials.cli..");
  }

  @Test
  void aRegistryIsUsedOnlyByItsOwnPackageAndTheOneListOfModules() {
    for (String registry : REGISTRIES) {
      noClasses()
          .that()
          .resideOutsideOfPackage(registry)
          .and()
          .doNotHaveFullyQualifiedName("org.mdmatrials.cli.Modules")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(registry)
          .check(MAIN);
    }
  }

  @Test
  void eachLibraryStaysInItsPlace() {
    only("java.sql..", "org.mdmatrials.store..");
    only("org.quartz..", "org.mdmatrials.schedule..");
    only("picocli..", "org.mdmatrials.cli..");
    only("org.dhatim.fastexcel..", "org.mdmatrials.sink.xlsx..");
    only("org.jsoup..", "org.mdmatrials.source.ctgov..");
    only("okhttp3..", "org.mdmatrials.http..", "org.mdmatrials.source..", "org.mdmatrials.cli..");
  }

  @Test
  void onlyTheCommandsPrintToTheConsole() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.mdmatrials.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MAIN);
  }

  @Test
  void noMainFileIsLongerThan300Lines() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> long300 =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> lines(f) > 300)
              .map(f -> f + " (" + lines(f) + ")")
              .toList();
      assertThat(long300).isEmpty();
    }
  }

  /** Classes of {@code layer} depend on no other package of the tool than {@code allowed}. */
  private static void layer(String layer, String... allowed) {
    noClasses()
        .that()
        .resideInAPackage(layer)
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "classes of mdma-trials outside " + String.join(", ", allowed),
                c ->
                    c.getPackageName().startsWith("org.mdmatrials")
                        && Stream.of(allowed).noneMatch(a -> resides(c.getPackageName(), a))))
        .check(MAIN);
  }

  /** Only classes in {@code places} use {@code library}. */
  private static void only(String library, String... places) {
    noClasses()
        .that()
        .resideOutsideOfPackages(places)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .check(MAIN);
  }

  /** Whether a package is the one named, or (for {@code a.b..}) one under it. */
  private static boolean resides(String pkg, String pattern) {
    if (pattern.endsWith("..")) {
      String root = pattern.substring(0, pattern.length() - 2);
      return pkg.equals(root) || pkg.startsWith(root + ".");
    }
    return pkg.equals(pattern);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
