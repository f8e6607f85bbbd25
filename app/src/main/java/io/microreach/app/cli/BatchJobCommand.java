package io.microreach.app.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs one job over every stored account in a batch context (no web server), shows a progress bar on
 * standard error and prints one summary line; {@code score}, {@code classify} and {@code reindex} differ only in the
 * job and the line.
 *
 * @param <R> the job's report
 */
abstract class BatchJobCommand<R> implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    /** Runs the job, reporting progress to {@code bar}. */
    abstract R run(ConfigurableApplicationContext ctx, ConsoleProgress bar);

    /** The summary line, without the line end. */
    abstract String summary(R report);

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            ConsoleProgress bar = new ConsoleProgress(System.err, spec.name(), "accounts");
            R report = run(ctx, bar);
            bar.done();
            spec.commandLine().getOut().println(summary(report));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
