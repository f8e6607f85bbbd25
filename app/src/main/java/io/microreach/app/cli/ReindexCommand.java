package io.microreach.app.cli;

import io.microreach.app.search.RebuildReport;
import io.microreach.app.search.SearchIndex;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index from the database (it is derived data; the old index serves until the new one"
                    + " is complete).",
            "Exit code: 0 rebuilt."
        })
class ReindexCommand extends BatchJobCommand<RebuildReport> {
    @Override
    RebuildReport run(ConfigurableApplicationContext ctx, ConsoleProgress bar) {
        return ctx.getBean(SearchIndex.class).rebuild(bar::count);
    }

    @Override
    String summary(RebuildReport report) {
        return String.format(
                Locale.ROOT,
                "Indexed %,d accounts (%,d with a content embedding) in %.1f s; %,.1f MB in %s",
                report.accounts(),
                report.withVector(),
                ConsoleProgress.seconds(report.elapsed()),
                report.bytes() / 1e6,
                report.directory());
    }
}
