package io.microreach.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.DataRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write an input file and read every parsed line back through {@link InputFiles#open(Path)}. */
final class Inputs {
    private Inputs() {}

    static Path write(Path dir, String fileName, String content) {
        return write(dir, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String fileName, byte[] content) {
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ParsedLine> readAll(Path file) throws UnusableInputException, IOException {
        List<ParsedLine> out = new ArrayList<>();
        try (RecordSource source = InputFiles.open(file)) {
            while (source.hasNext()) {
                out.add(source.next());
            }
        }
        return out;
    }

    static List<ParsedLine> readJsonl(Path dir, String... lines) throws UnusableInputException, IOException {
        return readAll(write(dir, "in.jsonl", String.join("\n", lines) + "\n"));
    }

    /** Reads a JSONL file of exactly one line that must parse, and returns its record. */
    static DataRecord parseOne(Path dir, String line) throws UnusableInputException, IOException {
        List<ParsedLine> lines = readJsonl(dir, line);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).as("line should be accepted: %s", line).isInstanceOf(ParsedLine.Parsed.class);
        assertThat(lines.get(0).line()).isEqualTo(1);
        return ((ParsedLine.Parsed) lines.get(0)).record();
    }

    /** Reads a JSONL file of exactly one line that must be rejected, and returns the rejection. */
    static ParsedLine.Rejected rejectOne(Path dir, String line) throws UnusableInputException, IOException {
        List<ParsedLine> lines = readJsonl(dir, line);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).as("line should be rejected: %s", line).isInstanceOf(ParsedLine.Rejected.class);
        ParsedLine.Rejected r = (ParsedLine.Rejected) lines.get(0);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.rejection().line()).isEqualTo(1);
        assertThat(r.rejection().reason()).isNotBlank();
        return r;
    }
}
