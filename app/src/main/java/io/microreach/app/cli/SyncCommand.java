package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.microreach.app.crawl.CrawlRequest;
import io.microreach.app.crawl.CrawlRunView;
import io.microreach.app.crawl.CrawlService;
import io.microreach.app.crawl.Source;
import io.microreach.app.crawl.SourceProblem;
import io.microreach.app.crawl.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Refresh the crawled creators: new follower counts (added to the history), new posts and their replies"
                    + " since the last sync. A platform that reports post counts costs about one request per"
                    + " creator when nothing changed, or less.",
            "Exit code: 0 completed, 4 stopped early (run it again to continue), 2 bad arguments, 1 failure."
        })
class SyncCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--source",
            paramLabel = "S",
            description = "Only this source (default: every source with crawled creators).")
    String source;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "API address to use instead of the platform's (needs --source).")
    String baseUrl;

    @Option(names = "--json", description = "Print the runs as one JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Source> sources = new ArrayList<>();
        try {
            if (source != null) {
                sources.add(Source.fromId(source)
                        .orElseThrow(() -> new SourceProblem("source", "unknown source “" + source + "”")));
            } else if (baseUrl != null) {
                throw new SourceProblem("baseUrl", "--base-url needs --source");
            }
        } catch (SourceProblem e) {
            return SourcesCommand.problem(spec, "sync", e);
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            CrawlService crawls = ctx.getBean(CrawlService.class);
            if (sources.isEmpty()) {
                for (SourceSettings.SourceConfig c :
                        ctx.getBean(SourceSettings.class).all()) {
                    if (c.accounts() > 0) {
                        sources.add(c.source());
                    }
                }
            }
            int exit = ExitCodes.OK;
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode all = mapper.createArrayNode();
            for (Source s : sources) {
                CrawlRunView run;
                try {
                    run = crawls.run(CrawlRequest.sync(s).withBaseUrl(baseUrl), CrawlRunOutput.progress(System.err));
                } catch (SourceProblem e) {
                    SourcesCommand.problem(spec, "sync " + s.id(), e);
                    exit = Math.max(exit, ExitCodes.UNUSABLE);
                    continue;
                }
                if (json) {
                    all.add(CrawlRunOutput.json(run));
                    exit = Math.max(
                            exit,
                            run.state().equals("completed") ? 0 : run.state().equals("failed") ? 1 : 4);
                } else {
                    exit = Math.max(
                            exit, CrawlRunOutput.print(spec.commandLine().getOut(), run, false));
                }
            }
            if (json) {
                spec.commandLine().getOut().println(mapper.writeValueAsString(all));
            } else if (sources.isEmpty()) {
                spec.commandLine().getOut().println("No crawled creators to sync yet: crawl or add some first.");
            }
            spec.commandLine().getOut().flush();
            return exit;
        }
    }
}
