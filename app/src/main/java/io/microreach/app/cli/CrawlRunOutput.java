package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.crawl.CrawlRunView;
import io.microreach.app.crawl.CrawlService;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/** How the crawl commands print a run: a summary or one JSON object, and progress lines on standard error. */
final class CrawlRunOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrawlRunOutput() {}

    static CrawlService.Listener progress(PrintStream err) {
        return (run, phase) -> err.printf(
                Locale.ROOT,
                "run %d: %s (%,d requests, %,d records, %,d accounts)%n",
                run.id(),
                phase,
                run.requests(),
                run.records(),
                run.accounts());
    }

    static ObjectNode json(CrawlRunView run) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", run.id());
        n.put("source", run.source());
        n.put("kind", run.kind());
        n.put("request", run.request());
        n.put("state", run.state());
        n.put("stopReason", run.stopReason());
        n.put("requests", run.requests());
        n.put("records", run.records());
        n.put("accounts", run.accounts());
        ArrayNode problems = n.putArray("problems");
        run.problems().forEach(problems::add);
        n.put("startedAt", String.valueOf(run.startedAt()));
        n.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        return n;
    }

    static int print(PrintWriter out, CrawlRunView run, boolean json) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(json(run)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.printf(
                    Locale.ROOT,
                    "Run %d (%s, %s): %s%s — %,d requests, %,d records, %,d accounts accepted%n",
                    run.id(),
                    run.source(),
                    run.request(),
                    run.state(),
                    run.stopReason() == null || run.state().equals("completed")
                            ? ""
                            : " (" + run.stopReason().toLowerCase(Locale.ROOT) + ")",
                    run.requests(),
                    run.records(),
                    run.accounts());
            int shown = 0;
            for (String p : run.problems()) {
                if (shown++ == 10) {
                    out.printf(
                            Locale.ROOT,
                            "  ... and %,d more problems%n",
                            run.problems().size() - 10);
                    break;
                }
                out.println("  " + p);
            }
            if (run.resumable()) {
                out.println("Run the same command again to continue where it stopped.");
            }
        }
        out.flush();
        return switch (run.state()) {
            case "completed" -> ExitCodes.OK;
            case "failed" -> ExitCodes.FAILURE;
            default -> ExitCodes.STOPPED;
        };
    }
}
