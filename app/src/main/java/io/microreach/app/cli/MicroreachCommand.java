package io.microreach.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

/** The top-level command; without a subcommand it serves the web app. */
@Command(
        name = "microreach",
        mixinStandardHelpOptions = true,
        version = "microreach 0.1.0",
        description = "Self-hosted micro-influencer discovery, vetting and planning.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            StatusCommand.class,
            ScoreCommand.class,
            ScorecardCommand.class,
            SearchCommand.class,
            ReindexCommand.class,
            NichesCommand.class,
            ClassifyCommand.class,
            EvalCommand.class,
            TrainSuspiciousCommand.class,
            ConvertCommand.class,
            PlanCommand.class,
            CampaignCommand.class,
            OverlapCommand.class,
            CrawlCommand.class,
            SyncCommand.class,
            AddCommand.class,
            SourcesCommand.class,
            UserCommand.class,
            WorkspaceCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            EraseCommand.class,
            EraseCommand.PersonalData.class,
            CommandLine.HelpCommand.class
        })
public class MicroreachCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Unmatched
    java.util.List<String> springArgs = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ServeCommand.serve(spec, home.home, false, springArgs);
    }

    /** Runs the command line and returns the exit code, or a negative value when a server keeps running. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Same as {@link #run(String...)} with explicit output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new MicroreachCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("microreach: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        cli.setExecutionStrategy(parseResult -> {
            Integer refused = beforeTheCommand(cli, parseResult);
            if (refused != null) {
                return refused;
            }
            if (servesTheWebApp(parseResult)) {
                return new CommandLine.RunLast().execute(parseResult);
            }
            // Batch commands print their result (tables, --json) through the picocli writer only; logs go to stderr.
            try (StdoutDivert divert = StdoutDivert.toStderr()) {
                return new CommandLine.RunLast().execute(parseResult);
            }
        });
        return cli.execute(args);
    }

    /** Whether the command that runs is the web app ({@code serve}, {@code demo} or no command), which logs to stdout. */
    private static boolean servesTheWebApp(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        Object leaf = command.commandSpec().userObject();
        return leaf instanceof MicroreachCommand || leaf instanceof ServeCommand || leaf instanceof DemoCommand;
    }

    /**
     * What was given before a command's name: {@code --home DIR} applies to the command (unless it names its own),
     * anything else is refused. Without this, {@code microreach --home DIR score} scored the default home, and {@code
     * microreach --typo score} ran as if the option were not there: the top level takes unknown options because it
     * serves the web app, which passes them to Spring.
     *
     * @return the exit code when the command line is refused, {@code null} to run it
     */
    private static Integer beforeTheCommand(CommandLine cli, ParseResult parsed) {
        if (!parsed.hasSubcommand()) {
            return null;
        }
        ParseResult command = parsed.subcommand();
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        MicroreachCommand top = cli.getCommand();
        String name = command.commandSpec().qualifiedName(" ");
        if (!top.springArgs.isEmpty()) {
            cli.getErr()
                    .println("microreach: unknown option '" + top.springArgs.get(0) + "' before the command '"
                            + command.commandSpec().name() + "'; options go after it: " + name + " --help");
            return ExitCodes.UNUSABLE;
        }
        if (top.home.home != null) {
            CommandSpec mixin = command.commandSpec().mixins().get("home");
            if (mixin == null || !(mixin.userObject() instanceof HomeOption home)) {
                cli.getErr().println("microreach: '" + command.commandSpec().name() + "' takes no --home");
                return ExitCodes.UNUSABLE;
            }
            if (home.home != null && !home.home.equals(top.home.home)) {
                cli.getErr()
                        .println("microreach: two homes given, " + top.home.home + " before the command and "
                                + home.home + " after it");
                return ExitCodes.UNUSABLE;
            }
            home.home = top.home.home;
        }
        return null;
    }
}
