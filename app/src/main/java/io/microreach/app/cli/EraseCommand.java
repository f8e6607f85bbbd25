package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.privacy.Erasure;
import io.microreach.app.privacy.ErasureReport;
import io.microreach.app.users.AuditLog;
import io.microreach.domain.Platform;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "erase",
        mixinStandardHelpOptions = true,
        description = {
            "Erase a creator on request (GDPR art. 17): their accounts with everything under them, their comments,"
                    + " follower-sample rows and follow edges in other creators' data, workspace rows and crawl"
                    + " records; then rescore, which rebuilds the search index and audience sketches without them.",
            "A digest of their ids and handles is kept, so later imports and crawls refuse their data (reported as"
                    + " erased)."
        })
class EraseCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--platform", required = true, description = "instagram, tiktok, youtube, bluesky, mastodon...")
    String platform;

    @Option(names = "--handle", required = true, description = "The creator's handle (or platform id).")
    String handle;

    @Option(names = "--json", description = "Print what was removed as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    static Platform platform(String id) {
        return Platform.fromId(id == null ? "" : id.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + id + "'"));
    }

    @Override
    public Integer call() throws Exception {
        Platform p = platform(platform);
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            ErasureReport r = ctx.getBean(Erasure.class).erase(p, handle, AuditLog.commandLine());
            if (json) {
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(r));
            } else {
                spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "Erased %s %s: %,d accounts, %,d posts, %,d comments on their posts, %,d comments they"
                                        + " wrote, %,d follower-sample rows, %,d follow edges, %,d follower-history"
                                        + " points, %,d workspace rows, %,d crawl rows; rescored %,d accounts%n",
                                p.id(),
                                handle,
                                r.accounts(),
                                r.posts(),
                                r.commentsOnTheirPosts(),
                                r.commentsTheyWrote(),
                                r.followerSampleRows(),
                                r.followEdges(),
                                r.followerCounts(),
                                r.workspaceRows(),
                                r.crawlRows(),
                                r.rescoredAccounts());
            }
        }
        return ExitCodes.OK;
    }

    @Command(
            name = "personal-data",
            mixinStandardHelpOptions = true,
            description = "Print everything stored about a creator, table by table, as one JSON object (GDPR art. 15).")
    static class PersonalData implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--platform", required = true)
        String platform;

        @Option(names = "--handle", required = true, description = "The creator's handle (or platform id).")
        String handle;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Platform p = platform(platform);
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                ObjectMapper json = new ObjectMapper();
                spec.commandLine()
                        .getOut()
                        .println(json.writeValueAsString(
                                ctx.getBean(Erasure.class).export(p, handle)));
            }
            return ExitCodes.OK;
        }
    }
}
