package dev.vidsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vidsim}: serve a simulated provider, or validate and check scenario files. */
@Command(name = "vidsim", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Simulator of paid AI video-generation APIs, "
        + "with exact billing on a simulated clock.",
    subcommands = {ServeCommand.class, ValidateCommand.class, CheckCommand.class,
        HealthCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vidsim " + (v != null ? v : "dev")};
    }
  }
}
