package io.microreach.app.cli;

import io.microreach.app.search.RebuildReport;
import io.microreach.app.search.SearchIndex;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index from the database (it is derived data; the old index serves until the new one"
                    + " is complete).",
            "Exit code: 0 rebuilt."
        })
class ReindexCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            ConsoleProgress bar = new ConsoleProgress(System.err, "reindex", "accounts");
            RebuildReport report = ctx.getBean(SearchIndex.class).rebuild(bar::count);
            bar.done();
            double seconds = ConsoleProgress.seconds(report.elapsed());
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "Indexed %,d accounts (%,d with a content embedding) in %.1f s; %,.1f MB in %s%n",
                            report.accounts(),
                            report.withVector(),
                            seconds,
                            report.bytes() / 1e6,
                            report.directory());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
