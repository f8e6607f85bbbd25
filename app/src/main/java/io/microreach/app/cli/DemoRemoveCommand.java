package io.microreach.app.cli;

import io.microreach.app.demo.DemoAccounts;
import io.microreach.app.demo.DemoRemoval;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Delete the demo data set: every account marked as demo with its posts, comments, followers, follower"
                    + " history, niches, embeddings and the shortlist entries pointing at it; real accounts stay as"
                    + " they are and are rescored (their peer percentiles no longer include demo accounts), and the"
                    + " search index follows.",
            "Exit code: 0 (also when there is no demo data)."
        })
class DemoRemoveCommand extends BatchJobCommand<DemoRemoval> {
    @Override
    DemoRemoval run(ConfigurableApplicationContext ctx, ConsoleProgress bar) {
        return ctx.getBean(DemoAccounts.class)
                .remove((done, total, phase) -> bar.update(total == 0 ? 1 : (double) done / total, done / 2));
    }

    @Override
    String summary(DemoRemoval r) {
        if (r.accounts() == 0) {
            return "No demo data stored; nothing removed";
        }
        return String.format(
                Locale.ROOT,
                "Removed the demo data: %,d accounts, %,d posts, %,d comments, %,d follower samples, %,d follow edges,"
                        + " %,d follower-history points, %,d shortlist entries/notes/prices, %,d creators; rescored"
                        + " %,d remaining accounts",
                r.accounts(),
                r.posts(),
                r.comments(),
                r.followerSamples(),
                r.followEdges(),
                r.followerCounts(),
                r.shortlistEntries(),
                r.creators(),
                r.rescoredAccounts());
    }
}
