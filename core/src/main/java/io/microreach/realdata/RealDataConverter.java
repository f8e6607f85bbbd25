package io.microreach.realdata;

import io.microreach.ingest.JsonlRecordWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Converts a public data set from its folder (normally {@code ../shared/data/<set>/} beside the checkout) into one
 * JSONL import file; see docs/real-data.md for the field mappings. Writes nothing to the console.
 */
public final class RealDataConverter {

    /**
     * Reads {@code sourceFolder} and writes {@code outFile} (gzip-compressed when its name ends in {@code .gz}).
     * For {@link RealDataSet#INSTAFAKE} it also writes the labels to {@code <outFile>.labels.csv}. Entries that
     * cannot be converted are skipped and counted in the summary. Output files appear only when the whole
     * conversion succeeded; an existing file of the same name is replaced.
     *
     * @throws RealDataNotFoundException when the folder or one of its files is absent
     * @throws IOException when a source file is unreadable as a whole (not JSON, missing CSV columns) or the
     *     output cannot be written; the message is one line naming the file
     */
    public ConversionSummary convert(RealDataSet set, Path sourceFolder, Path outFile) throws IOException {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(sourceFolder, "sourceFolder");
        Objects.requireNonNull(outFile, "outFile");
        checkSources(set, sourceFolder);
        Path parent = outFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path labelsFile = set == RealDataSet.INSTAFAKE ? labelsFileOf(outFile) : null;
        // Temporary siblings, moved into place at the end, so a failed run never leaves a half-written import.
        Path tmpOut = sibling(outFile, ".tmp");
        Path tmpLabels = labelsFile == null ? null : sibling(labelsFile, ".tmp");
        try {
            ConversionSummary summary;
            try (JsonlRecordWriter writer = new JsonlRecordWriter(open(tmpOut, isGzip(outFile)))) {
                Tally tally = new Tally(writer);
                switch (set) {
                    case INSTAFAKE -> {
                        try (CSVPrinter labels = CSVFormat.RFC4180
                                .builder()
                                .setRecordSeparator('\n')
                                .get()
                                .print(Files.newBufferedWriter(tmpLabels, StandardCharsets.UTF_8))) {
                            new InstaFakeConverter(tally, labels).convert(sourceFolder);
                        }
                    }
                    case INSTAGRAM_REACH -> new InstagramReachConverter(tally).convert(sourceFolder);
                }
                summary = tally.summary(set, outFile, labelsFile);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(tmpOut, outFile, StandardCopyOption.REPLACE_EXISTING);
            if (labelsFile != null) {
                Files.move(tmpLabels, labelsFile, StandardCopyOption.REPLACE_EXISTING);
            }
            return summary;
        } finally {
            Files.deleteIfExists(tmpOut);
            if (tmpLabels != null) {
                Files.deleteIfExists(tmpLabels);
            }
        }
    }

    /** Where {@link #convert} writes the labels of a set that has them: {@code <outFile>.labels.csv}. */
    public static Path labelsFileOf(Path outFile) {
        return sibling(outFile, ".labels.csv");
    }

    private static void checkSources(RealDataSet set, Path folder) throws RealDataNotFoundException {
        if (!Files.isDirectory(folder)) {
            throw new RealDataNotFoundException(folder, Files.exists(folder) ? "not a folder" : "no such folder", set);
        }
        for (String name : set.fileNames()) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new RealDataNotFoundException(file, Files.exists(file) ? "not a file" : "no such file", set);
            }
        }
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static Writer open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
