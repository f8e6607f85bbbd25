package io.microreach.app.cli;

import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.PageSortParser;
import io.microreach.app.search.SearchFilters;
import io.microreach.app.search.SearchHit;
import io.microreach.app.search.SearchParameters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.app.search.SearchSort;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Search creator accounts: the same search as GET /api/search (see docs/search.md).",
            "Filter keys: platform, tier, followers_min, followers_max, er_min, er_max, er_percentile_min,"
                    + " er_percentile_max, trust_min, suspicious_max, reply_rate_min, niche, niche_confidence_min,"
                    + " country, language, price_min, price_max, has_contact, text, include_demo.",
            "Generated demo creators are left out as soon as a real creator exists; --include-demo searches them"
                    + " too. A missing trust score ranks as the pool's median and shows as 'trust missing'.",
            "With --server URL (or $MICROREACH_SERVER) and an API token in $MICROREACH_TOKEN, searches that server"
                    + " through GET /api/search instead of the local database.",
            "Exit code: 0 searched (also when nothing matched), 2 a malformed option or filter (with --server also"
                    + " a refused token or request), 1 the server could not be reached or failed."
        })
class SearchCommand implements Callable<Integer> {
    /** An explicitly empty --sort is an unknown sort; there is no direction option (always the natural one). */
    private static final PageSortParser<SearchSort> PAGING = PageSortParser.forSearch("--sort", "sort", null);

    @Mixin
    HomeOption home;

    @Mixin
    RemoteServer.Options remote;

    @Option(names = "--query", paramLabel = "TEXT", description = "Keywords over bio, captions and hashtags.")
    String query;

    @Option(names = "--brief", paramLabel = "TEXT", description = "A brand brief matched semantically.")
    String brief;

    @Option(
            names = "--filter",
            paramLabel = "KEY=VALUE",
            description = "A filter; repeat for several (e.g. --filter tier=micro --filter niche=fitness).")
    List<String> filters = new ArrayList<>();

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            defaultValue = "relevance",
            description = "relevance (default) or a metric.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Results to show (1..500).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Results to skip.")
    int offset;

    @Option(
            names = "--include-demo",
            description = "Also search the generated demo creators (left out by default once real data exists).")
    boolean includeDemo;

    @Option(names = "--json", description = "Print results, rank explanations and facets as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SearchRequest request;
        try {
            SearchSort order = PAGING.sort(sort);
            SearchFilters parsed = SearchParameters.parseAssignments(filters);
            if (includeDemo) {
                parsed = parsed.toBuilder().includeDemo(true).build();
            }
            PageSortParser.Page page = PAGING.byOffset(offset, limit);
            request = new SearchRequest(query, brief, parsed, order, null, page.offset(), page.limit(), json);
        } catch (InvalidSearchParameter e) {
            err.println("microreach search: " + e.describe());
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        RemoteServer server;
        try {
            server = remote.remote(err);
        } catch (IllegalArgumentException e) {
            err.println("microreach search: " + e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        if (server != null) {
            try {
                return searchOn(server);
            } catch (RemoteServer.Failure e) {
                return RemoteServer.report(err, "search", e);
            }
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            SearchResult result;
            try {
                result = ctx.getBean(SearchService.class).search(request);
            } catch (InvalidSearchParameter e) {
                err.println("microreach search: " + e.describe());
                err.flush();
                return ExitCodes.UNUSABLE;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ctx.getBean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(result));
            } else {
                print(out, result);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The same search through the server's API; the filters were checked here, the server checks them again. */
    private int searchOn(RemoteServer server) throws RemoteServer.Failure {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("brief", brief);
        params.put("sort", sort);
        params.put("offset", Integer.toString(offset));
        params.put("limit", Integer.toString(limit));
        params.put("facets", Boolean.toString(json));
        for (String f : filters) {
            int eq = f.indexOf('=');
            params.put(f.substring(0, eq).strip(), f.substring(eq + 1).strip());
        }
        if (includeDemo) {
            params.put("include_demo", "true");
        }
        JsonNode answer = server.get(RemoteServer.path("/api/search", params));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(server.json().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } else {
            print(out, server.json().treeToValue(answer, SearchResult.class));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, SearchResult result) {
        if (result.emptyReason() != null) {
            out.println(result.emptyReason());
            return;
        }
        out.printf(
                Locale.ROOT,
                "%s matching accounts; showing %d from %d (%s)%n",
                result.totalText(),
                result.hits().size(),
                result.offset() + 1,
                result.formula());
        if (result.demo() != null && result.demo().noteHidden()) {
            out.printf(
                    Locale.ROOT,
                    "Demo data hidden: %,d generated demo creators left out (--include-demo shows them)%n",
                    result.demo().accounts());
        }
        if (!result.interpretedBrief().isEmpty()) {
            out.println("Read from the brief (--filter brief_ignore=FIELD:VALUE removes one): "
                    + result.interpretedBrief().stream()
                            .map(c -> c.label() + " [" + (c.applied() ? c.mode() : "your filter applies instead") + ", "
                                    + c.key() + "]")
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
        if (result.order() != null) {
            out.println(result.order());
        }
        for (SearchHit h : result.hits()) {
            out.printf(
                    Locale.ROOT,
                    "%8.3f  %-9s @%-24s %-5s %,10d  %s%n",
                    h.score(),
                    h.platform(),
                    h.demo() ? h.handle() + " [demo]" : h.handle(),
                    h.tier(),
                    h.followers(),
                    h.explanation().summary());
        }
    }
}
