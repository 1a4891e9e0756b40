package org.mdmatrials.cli;

import java.util.concurrent.Callable;
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

  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }
}
