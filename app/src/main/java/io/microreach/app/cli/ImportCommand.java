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

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import JSONL or CSV files (see docs/import-format.md). Re-importing a file changes nothing.",
            "Exit code: 0 all lines stored or unchanged, 3 some lines rejected (the good ones are stored; see"
                    + " FILE.rejected.csv), 2 unusable input (nothing imported; for a .gz file that expands past"
                    + " microreach.import.max-decompressed-bytes, what was read before the cap is stored),"
                    + " 1 unexpected failure."
        })
class ImportCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

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
