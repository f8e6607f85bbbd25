package io.microreach.niches.evaluation;

import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.NicheTaxonomy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Labelled niche files: CSV with the header {@code label,text}; {@code label} holds one or more niche ids separated by
 * {@code |}. Reading is strict: a missing column, an empty label or text, or an unknown niche id is an error naming
 * the line, since a silently dropped label would bias every number computed from the file.
 */
public final class LabelledTextFile {
    private LabelledTextFile() {}

    public static List<LabelledText> read(Path file, NicheTaxonomy taxonomy) throws UnusableInputException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException(file + ": no such file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get()
                        .parse(in)) {
            List<String> header = csv.getHeaderNames();
            for (String column : List.of("label", "text")) {
                if (!header.contains(column)) {
                    throw new UnusableInputException(
                            file + " line 1: missing column '" + column + "' (the header must be label,text)");
                }
            }
            List<LabelledText> out = new ArrayList<>();
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                String label = r.isMapped("label") && r.isSet("label") ? r.get("label") : "";
                String text = r.isSet("text") ? r.get("text") : "";
                if (label.isBlank()) {
                    throw new UnusableInputException(file + " line " + line + ": label: empty");
                }
                if (text.isBlank()) {
                    throw new UnusableInputException(file + " line " + line + ": text: empty");
                }
                Set<String> labels = new LinkedHashSet<>();
                for (String id : label.split("\\|")) {
                    String niche = id.trim();
                    if (!taxonomy.contains(niche)) {
                        throw new UnusableInputException(file + " line " + line + ": label: unknown niche '" + niche
                                + "'; known: " + String.join(", ", taxonomy.ids()));
                    }
                    labels.add(niche);
                }
                out.add(new LabelledText(line, labels, text));
            }
            if (out.isEmpty()) {
                throw new UnusableInputException(file + ": no labelled rows after the header");
            }
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnusableInputException(file + ": not a readable label,text CSV: " + e.getMessage());
        }
    }

    public static void write(Path file, List<LabelledText> rows) throws IOException {
        try (CSVPrinter out = new CSVPrinter(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader("label", "text").get())) {
            for (LabelledText r : rows) {
                out.printRecord(String.join("|", new java.util.TreeSet<>(r.labels())), r.text());
            }
        }
    }
}
