package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.crawl.CrawlRunView;
import io.microreach.app.crawl.CrawlService;
import io.microreach.app.crawl.SourceProblem;
import io.microreach.app.crawl.SourceSettings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "Show each source: whether it is ready (key), its address, rate limit and quota, crawled"
                + " creators, last sync, and unfinished runs with their open cursors.")
class SourcesCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            SourceSettings settings = ctx.getBean(SourceSettings.class);
            CrawlService crawls = ctx.getBean(CrawlService.class);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ArrayNode list = root.putArray("sources");
            PrintWriter out = spec.commandLine().getOut();
            for (SourceSettings.SourceConfig c : settings.all()) {
                ObjectNode n = list.addObject();
                n.put("source", c.source().id());
                n.put("ready", c.ready());
                n.put("key", c.keyOrigin().name().toLowerCase(Locale.ROOT));
                n.put("baseUrl", c.baseUrl());
                n.put("rateLimit", c.source().rateLimit());
                n.put("accounts", c.accounts());
                n.put(
                        "lastFetchedAt",
                        c.lastFetchedAt() == null ? null : c.lastFetchedAt().toString());
                n.put(
                        "lastSyncAt",
                        c.lastSyncAt() == null ? null : c.lastSyncAt().toString());
                if (c.syncMinutes() == null) {
                    n.putNull("syncMinutes");
                } else {
                    n.put("syncMinutes", c.syncMinutes());
                }
                ArrayNode state = n.putArray("state");
                for (CrawlService.TaskState t : crawls.sourceState(c.source())) {
                    state.addObject().put("task", t.task()).put("value", t.cursor());
                }
                ArrayNode runs = n.putArray("unfinishedRuns");
                for (CrawlRunView r : crawls.recent(c.source(), 20)) {
                    if (!r.resumable() && !r.active()) {
                        continue;
                    }
                    ObjectNode rn = CrawlRunOutput.json(r);
                    ArrayNode cursors = rn.putArray("openTasks");
                    for (CrawlService.TaskState t : crawls.openTasks(r.id(), 20)) {
                        cursors.addObject()
                                .put("task", t.task())
                                .put("cursor", t.cursor())
                                .put("pages", t.pages());
                    }
                    runs.add(rn);
                }
                if (!json) {
                    out.printf(
                            Locale.ROOT,
                            "%-10s %-9s %-40s %,8d creators  last sync %s%n",
                            c.source().id(),
                            c.ready() ? "ready" : "no key",
                            c.baseUrl(),
                            c.accounts(),
                            c.lastSyncAt() == null ? "never" : c.lastSyncAt().toString());
                    out.printf("           rate: %s%n", c.source().rateLimit());
                    for (CrawlService.TaskState t : crawls.sourceState(c.source())) {
                        out.printf(Locale.ROOT, "           %s: %s%n", t.task(), t.cursor());
                    }
                    for (var r : runs) {
                        out.printf(
                                Locale.ROOT,
                                "           run %d %s (%s): %s, %d open tasks%n",
                                r.get("id").asLong(),
                                r.get("kind").asText(),
                                r.get("request").asText(),
                                r.get("state").asText(),
                                r.get("openTasks").size());
                    }
                }
            }
            if (json) {
                out.println(mapper.writeValueAsString(root));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Prints a request problem as the other commands print bad input, and gives the exit code for it. */
    static int problem(CommandSpec spec, String command, SourceProblem e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("microreach " + command + ": " + e.field() + ": " + e.getMessage());
        err.flush();
        return ExitCodes.UNUSABLE;
    }
}
