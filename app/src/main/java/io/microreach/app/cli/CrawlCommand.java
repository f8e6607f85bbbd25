package io.microreach.app.cli;

import io.microreach.app.crawl.CrawlRequest;
import io.microreach.app.crawl.CrawlService;
import io.microreach.app.crawl.Source;
import io.microreach.app.crawl.SourceProblem;
import io.microreach.connectors.DiscoveryQuery;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        description = {
            "Find creators on a platform by keyword or from a seed account, fetch them (profile, posts, replies,"
                    + " followers where the platform shows them), then import, score and index them.",
            "Running the same command again resumes an unfinished crawl (killed, or stopped by its budget or quota).",
            "Exit code: 0 completed, 4 stopped early (run it again to continue), 2 bad arguments or missing key,"
                    + " 1 failure."
        })
class CrawlCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "bluesky, youtube, mastodon or instagram")
    String source;

    @ArgGroup(multiplicity = "1")
    Start start;

    static final class Start {
        @Option(names = "--query", paramLabel = "Q", description = "Keyword to search profiles (and posts) for.")
        String query;

        @Option(names = "--seed", paramLabel = "HANDLE", description = "Account whose follows are explored.")
        String seed;
    }

    @Option(names = "--depth", defaultValue = "1", description = "Snowball hops from the seed (default: 1).")
    int depth;

    @Option(
            names = "--max-accounts",
            defaultValue = "" + CrawlRequest.DEFAULT_MAX_ACCOUNTS,
            description = "Most accounts discovery accepts (1k–100k followers; default: ${DEFAULT-VALUE}).")
    int maxAccounts;

    @Option(
            names = "--max-requests",
            defaultValue = "" + CrawlRequest.DEFAULT_MAX_REQUESTS,
            description = "Most HTTP requests this invocation makes (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--base-url", paramLabel = "URL", description = "API address to use instead of the platform's.")
    String baseUrl;

    @Option(names = "--json", description = "Print the run as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CrawlRequest request;
        try {
            Source s = Source.fromId(source)
                    .orElseThrow(() -> new SourceProblem(
                            "source", "unknown source “" + source + "”: use bluesky, youtube, mastodon or instagram"));
            DiscoveryQuery query;
            try {
                query = start.query != null
                        ? DiscoveryQuery.keyword(start.query)
                        : DiscoveryQuery.seed(start.seed, depth);
            } catch (IllegalArgumentException e) {
                throw new SourceProblem(start.query != null ? "query" : "seed", e.getMessage());
            }
            request = CrawlRequest.discover(s, query, maxAccounts, maxRequests).withBaseUrl(baseUrl);
        } catch (SourceProblem e) {
            return SourcesCommand.problem(spec, "crawl", e);
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            CrawlService crawls = ctx.getBean(CrawlService.class);
            return CrawlRunOutput.print(
                    spec.commandLine().getOut(), crawls.run(request, CrawlRunOutput.progress(System.err)), json);
        } catch (SourceProblem e) {
            return SourcesCommand.problem(spec, "crawl", e);
        }
    }
}
