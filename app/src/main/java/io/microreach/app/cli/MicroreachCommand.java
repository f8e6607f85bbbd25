package io.microreach.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            OverlapCommand.class,
            CommandLine.HelpCommand.class
        })
public class MicroreachCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Unmatched
    java.util.List<String> springArgs = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        return cli.execute(args);
    }
}
