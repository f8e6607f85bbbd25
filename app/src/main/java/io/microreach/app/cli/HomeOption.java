package io.microreach.app.cli;

import picocli.CommandLine.Option;

/** The {@code --home} flag shared by every command. */
final class HomeOption {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Home folder for the database and caches (default: $MICROREACH_HOME, else ~/.microreach).")
    String home;
}
