package io.microreach.app.cli;

import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.importer.TypeCounts;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringReport;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.Rejection;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import JSONL or CSV files (see docs/import-format.md). Re-importing a file changes nothing.",
            "Exit code: 0 all lines stored or unchanged, 3 some lines rejected (the good ones are stored; see"
                    + " FILE.rejected.csv), 2 unusable input (nothing imported; for a .gz file that expands past"
                    + " microreach.import.max-decompressed-bytes, what was read before the cap is stored),"
                    + " 1 unexpected failure.",
            "With --server URL (or $MICROREACH_SERVER) and a write API token in $MICROREACH_TOKEN, uploads each file"
                    + " to that server (POST /api/imports), follows its import and prints the counts; nothing is"
                    + " stored locally. There, 2 also means a refused token or upload, 1 an unreachable server."
        })
class ImportCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    RemoteServer.Options remote;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Files to import (.jsonl, .ndjson, .json, .csv; optionally .gz).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return importAll();
        } catch (Throwable e) {
            // One line, no stack trace, whatever broke (an Error such as OutOfMemoryError included); the log has it.
            PrintWriter err = spec.commandLine().getErr();
            err.println("microreach import: failed: " + oneLine(e));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl))
                + (e instanceof Error ? " (" + e.getClass().getSimpleName() + ")" : "");
    }

    private int importAll() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Check every file before starting anything, so a typo costs nothing and imports nothing.
        boolean usable = true;
        for (Path file : files) {
            try {
                InputFiles.open(file).close();
            } catch (UnusableInputException e) {
                err.println("microreach import: " + e.getMessage());
                usable = false;
            } catch (IOException e) {
                err.println("microreach import: " + file + ": " + e.getMessage());
                usable = false;
            }
        }
        if (!usable) {
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        RemoteServer server;
        try {
            server = remote.remote(err);
        } catch (IllegalArgumentException e) {
            err.println("microreach import: " + e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        if (server != null) {
            try {
                return importOn(server, out);
            } catch (RemoteServer.Failure e) {
                return RemoteServer.report(err, "import", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("microreach import: interrupted; the server goes on with the import already uploaded");
                err.flush();
                return ExitCodes.FAILURE;
            }
        }
        boolean rejected = false;
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            Importer importer = ctx.getBean(Importer.class);
            for (Path file : files) {
                ConsoleProgress bar =
                        new ConsoleProgress(System.err, file.getFileName().toString(), "lines");
                ImportReport report;
                try {
                    report = importer.importFile(
                            file, (read, total, lines) -> bar.update(total == 0 ? 1 : (double) read / total, lines));
                } catch (UnusableInputException e) {
                    bar.done();
                    err.println("microreach import: " + e.getMessage());
                    err.flush();
                    return ExitCodes.UNUSABLE;
                }
                bar.done();
                print(out, report);
                rejected |= report.rejected() > 0;
            }
            ConsoleProgress bar = new ConsoleProgress(System.err, "rescore", "accounts");
            ScoringReport scored = ctx.getBean(Scorer.class)
                    .scoreQueued((done, total, phase) -> bar.update(total == 0 ? 1 : (double) done / total, done / 2));
            bar.done();
            if (scored.accounts() > 0) {
                ScoreCommand.print(spec, scored);
            }
        }
        out.flush();
        return rejected ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    /** How often a remote import is asked how far it got: often enough for a live bar, rarely enough to be cheap. */
    private static final long POLL_MILLIS = 500;

    /**
     * Uploads one file at a time and waits for its job, so the files are imported in the order given, as locally.
     * The server rescores after each upload itself.
     */
    private int importOn(RemoteServer server, PrintWriter out) throws RemoteServer.Failure, InterruptedException {
        // An id that cannot exist: a 404 says the token is good, without touching any import.
        server.checkToken("/api/imports/00000000");
        boolean rejected = false;
        for (Path file : files) {
            ConsoleProgress bar =
                    new ConsoleProgress(System.err, file.getFileName().toString(), "lines");
            JsonNode job = server.upload("/api/imports", "file", file);
            String id = job.path("id").asString();
            if (!id.matches("[0-9a-f]{8}")) {
                bar.done();
                throw new RemoteServer.Failure(
                        ExitCodes.FAILURE, server.address() + " answered the upload without an import id");
            }
            while (!finished(job)) {
                bar.update(
                        job.path("percent").asInt() / 100.0, job.path("lines").asLong());
                Thread.sleep(POLL_MILLIS);
                job = server.get("/api/imports/" + id);
            }
            bar.done();
            if (job.path("state").asString().equals("failed")) {
                String failure = job.path("failure").asString("failed");
                spec.commandLine().getErr().println("microreach import: " + file + ": " + failure);
                spec.commandLine().getErr().flush();
                out.flush();
                // The server says "The import stopped" (or that it stopped) for its own failures; any other
                // failure is the file's, which a local import reports as unusable input.
                boolean serverFault = failure.startsWith("The import stopped") || failure.startsWith("The server");
                return serverFault ? ExitCodes.FAILURE : ExitCodes.UNUSABLE;
            }
            printRemote(out, server, file, job);
            rejected |= job.path("rejected").asLong() > 0;
        }
        out.flush();
        return rejected ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    private static boolean finished(JsonNode job) {
        String state = job.path("state").asString();
        return state.equals("done") || state.equals("failed");
    }

    private static void printRemote(PrintWriter out, RemoteServer server, Path file, JsonNode job) {
        String id = job.path("id").asString();
        out.printf(
                Locale.ROOT,
                "Imported %s on %s (import %s): %,d lines: %,d stored, %,d unchanged, %,d rejected%n",
                file,
                server.address(),
                id,
                job.path("lines").asLong(),
                job.path("stored").asLong(),
                job.path("unchanged").asLong(),
                job.path("rejected").asLong());
        long rejected = job.path("rejected").asLong();
        if (rejected > 0) {
            out.printf(
                    Locale.ROOT,
                    "Rejected %,d lines; full report: %s/import/%s/rejected.csv%n",
                    rejected,
                    server.address(),
                    id);
            JsonNode first = job.path("firstRejections");
            first.forEach(r -> out.println("  " + r.asString()));
            if (rejected > first.size()) {
                out.printf(Locale.ROOT, "  ... and %,d more%n", rejected - first.size());
            }
        }
    }

    static void print(PrintWriter out, ImportReport report) {
        double seconds = ConsoleProgress.seconds(report.elapsed());
        out.printf(
                Locale.ROOT,
                "Imported %s: %,d lines in %.1f s (%,.0f lines/s)%n",
                report.source(),
                report.lines(),
                seconds,
                report.lines() / seconds);
        out.printf("  %-16s %12s %12s %12s%n", "type", "stored", "unchanged", "rejected");
        for (TypeCounts c : report.perType()) {
            if (c.total() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  %-16s %,12d %,12d %,12d%n",
                        c.type().id(),
                        c.stored(),
                        c.unchanged(),
                        c.rejected());
            }
        }
        if (report.unreadableLines() > 0) {
            out.printf(Locale.ROOT, "  %-16s %12s %12s %,12d%n", "(unreadable)", "", "", report.unreadableLines());
        }
        if (report.waitingForParent() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  %,d stored rows wait for their parent record (e.g. posts whose account is not imported yet);"
                            + " they are linked when it arrives%n",
                    report.waitingForParent());
        }
        if (report.rejected() > 0) {
            out.printf(Locale.ROOT, "Rejected %,d lines; full report: %s%n", report.rejected(), report.rejectionFile());
            for (Rejection r : report.firstRejections()) {
                out.println("  " + r.describe());
            }
            if (report.rejected() > report.firstRejections().size()) {
                out.printf(
                        Locale.ROOT,
                        "  ... and %,d more%n",
                        report.rejected() - report.firstRejections().size());
            }
        }
    }
}
