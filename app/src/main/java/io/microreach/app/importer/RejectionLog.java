package io.microreach.app.importer;

import io.microreach.ingest.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams rejections to {@code <input>.rejected.csv} (or the fallback folder when the input folder is read-only),
 * keeping only the first few in memory for the console. The file is created on the first rejection only.
 */
final class RejectionLog implements AutoCloseable {
    static final int KEEP_IN_MEMORY = 20;

    private final Path input;
    private final Path fallbackFolder;
    private final Path target;
    private final List<Rejection> first = new ArrayList<>();
    private CSVPrinter printer;
    private Path file;
    private long count;

    /** {@code target}: where the report goes; {@code null} for beside the input (or the fallback folder). */
    RejectionLog(Path input, Path fallbackFolder, Path target) {
        this.input = input;
        this.fallbackFolder = fallbackFolder;
        this.target = target;
    }

    void add(Rejection rejection) {
        count++;
        if (first.size() < KEEP_IN_MEMORY) {
            first.add(rejection);
        }
        try {
            if (printer == null) {
                open();
            }
            printer.printRecord(
                    inert(rejection.source()), rejection.line(), inert(rejection.field()), inert(rejection.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejection report " + file, e);
        }
    }

    /**
     * A cell a spreadsheet will not run: the field can be a key the file chose (a duplicate key), so one that starts
     * like a formula gets a leading apostrophe, as in the app's exports.
     */
    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + text;
            default -> text;
        };
    }

    private void open() throws IOException {
        if (target != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            file = target;
            printer = new CSVPrinter(
                    Files.newBufferedWriter(target, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader("file", "line", "field", "reason")
                            .get());
            return;
        }
        Path beside = input.toAbsolutePath().resolveSibling(input.getFileName() + ".rejected.csv");
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(beside, StandardCharsets.UTF_8);
            file = beside;
        } catch (IOException e) {
            Files.createDirectories(fallbackFolder);
            file = fallbackFolder.resolve(input.getFileName() + ".rejected.csv");
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        printer = new CSVPrinter(
                writer,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader("file", "line", "field", "reason")
                        .get());
    }

    /** Removes a report left by an earlier import of the same file, so a clean re-import leaves no stale report. */
    void removeStale() {
        if (target != null) {
            return;
        }
        try {
            Files.deleteIfExists(input.toAbsolutePath().resolveSibling(input.getFileName() + ".rejected.csv"));
        } catch (IOException e) {
            // A read-only folder keeps its old report; the new one goes to the fallback folder.
        }
    }

    List<Rejection> first() {
        return List.copyOf(first);
    }

    long count() {
        return count;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close(true);
        }
    }
}
