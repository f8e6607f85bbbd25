package io.microreach.app.cli;

import io.microreach.app.crawl.CrawlRequest;
import io.microreach.app.crawl.CrawlService;
import io.microreach.app.crawl.ProfileAddress;
import io.microreach.app.crawl.Source;
import io.microreach.app.crawl.SourceProblem;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch one creator from a profile URL or handle (https://bsky.app/profile/NAME,"
                    + " https://www.youtube.com/@NAME, https://www.instagram.com/NAME/, https://INSTANCE/@NAME,"
                    + " NAME.bsky.social, @NAME@INSTANCE), then import, score and index it.",
            "Exit code: 0 added, 4 stopped early (run it again), 2 unreadable address or missing key, 1 failure."
        })
class AddCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(index = "0", paramLabel = "URL", description = "Profile URL or handle.")
    String address;

    @Option(names = "--source", paramLabel = "S", description = "The platform, for a bare handle.")
    String source;

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
            Optional<Source> hint = Optional.empty();
            if (source != null) {
                hint = Optional.of(Source.fromId(source)
                        .orElseThrow(() -> new SourceProblem("source", "unknown source “" + source + "”")));
            }
            ProfileAddress a = ProfileAddress.parse(address, hint);
            request = CrawlRequest.add(a.source(), a.account()).withBaseUrl(baseUrl != null ? baseUrl : a.baseUrl());
        } catch (SourceProblem e) {
            return SourcesCommand.problem(spec, "add", e);
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            return CrawlRunOutput.print(
                    spec.commandLine().getOut(),
                    ctx.getBean(CrawlService.class).run(request, CrawlRunOutput.progress(System.err)),
                    json);
        } catch (SourceProblem e) {
            return SourcesCommand.problem(spec, "add", e);
        }
    }
}
