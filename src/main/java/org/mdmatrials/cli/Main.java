package org.mdmatrials.cli;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.mdmatrials.source.RegistryModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code mdma-trials} command line. */
@Command(
    name = "mdma-trials",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Harvests registered MDMA-assisted therapy trials into CSV and SQLite snapshots.",
    subcommands = {
      RunCommand.class,
      ScheduleCommand.class,
      ValidateCommand.class,
      ShowCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a command, shows the usage and fails as bad usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line over the registries the tool ships with. */
  static CommandLine commandLine() {
    return commandLine(Modules.SHIPPED.all());
  }

  /** The command line over {@code modules}, the registries every command knows of. */
  static CommandLine commandLine(List<RegistryModule> modules) {
    return commandLine(modules, TerminalProgress::attached);
  }

  /**
   * @param terminal whether a person watches a run at a terminal
   */
  static CommandLine commandLine(List<RegistryModule> modules, BooleanSupplier terminal) {
    Modules registries = new Modules(modules);
    CommandLine cli = new CommandLine(new Main(), new Factory(registries, terminal));
    for (String harvesting : List.of("run", "schedule", "validate")) {
      HarvestSettings.addLocationOptions(
          Objects.requireNonNull(cli.getSubcommands().get(harvesting)).getCommandSpec(),
          registries);
    }
    return cli;
  }

  /** Makes each command with the registries' modules, where it takes them. */
  private record Factory(Modules modules, BooleanSupplier terminal)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(modules, terminal));
      }
      if (type == ScheduleCommand.class) {
        return type.cast(new ScheduleCommand(modules));
      }
      if (type == ValidateCommand.class) {
        return type.cast(new ValidateCommand(modules));
      }
      if (type == ShowCommand.class) {
        return type.cast(new ShowCommand(modules));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
