package io.microreach.ingest;

import io.microreach.domain.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the accounts and posts CSV formats (RFC 4180); the header decides which one a file is. Records are assembled
 * from physical lines here rather than by a streaming CSV parser, so that a quoted field that never ends is cut at the
 * line limit like any long line instead of growing without bound.
 */
final class CsvRecordReader implements RecordSource {
    private final String name;
    private final LineReader reader;
    private final Map<String, Integer> header;
    private final RecordType type;
    private final InputFiles.CountingInputStream counting;
    private final long totalBytes;
    private long lastLine = 1;
    private ParsedLine pending;
    private boolean broken;

    private CsvRecordReader(
            String name,
            LineReader reader,
            Map<String, Integer> header,
            RecordType type,
            InputFiles.CountingInputStream counting,
            long totalBytes) {
        this.name = name;
        this.reader = reader;
        this.header = header;
        this.type = type;
        this.counting = counting;
        this.totalBytes = totalBytes;
    }

    static CsvRecordReader open(
            String name, LineReader reader, InputFiles.CountingInputStream counting, long totalBytes)
            throws IOException, UnusableInputException {
        Assembled first = assemble(reader, true);
        if (first == null || first.problem() != null) {
            reader.close();
            throw new UnusableInputException(
                    name + ": the CSV header line is unusable: " + (first == null ? "missing" : first.problem()));
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = first.fields();
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i)
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace('\uFEFF', ' ')
                    .trim();
            if (key.isEmpty()) {
                continue;
            }
            if (header.putIfAbsent(key, i) != null) {
                reader.close();
                throw new UnusableInputException(
                        name + ": the CSV header names column '" + Lines.shorten(key) + "' twice");
            }
        }
        RecordType type;
        if (header.containsKey("published_at")) {
            type = RecordType.POST;
        } else if (header.containsKey("handle") && header.containsKey("followers")) {
            type = RecordType.ACCOUNT;
        } else {
            reader.close();
            throw new UnusableInputException(name
                    + ": CSV header names neither a posts file (needs published_at) nor an accounts file"
                    + " (needs handle and followers); see docs/import-format.md");
        }
        CsvRecordReader csv = new CsvRecordReader(name, reader, header, type, counting, totalBytes);
        csv.lastLine = reader.number();
        return csv;
    }

    /** One record: its fields, or why it cannot be read; {@code line} is the physical line it starts on. */
    private record Assembled(long line, List<String> fields, String problem, boolean unterminated) {}

    /**
     * Reads the physical lines of the next record (a quoted field may span several); {@code null} at the end of the
     * file. A record over the line limit, or with invalid UTF-8, comes back with its problem; reading resumes after
     * the physical line where it was found.
     */
    private static Assembled assemble(LineReader reader, boolean firstLine) throws IOException {
        if (!reader.next()) {
            return null;
        }
        long start = reader.number();
        Splitter split = new Splitter();
        long bytes = 0;
        boolean malformed = false;
        while (true) {
            if (reader.tooLong() || bytes + reader.byteLength() > reader.maxLineBytes()) {
                return new Assembled(start, null, Lines.tooLong(reader.maxLineBytes()), false);
            }
            bytes += reader.byteLength() + reader.terminator().length();
            malformed |= reader.malformed();
            String text = reader.text();
            if (firstLine && reader.number() == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            split.feed(text);
            if (!split.inQuotes()) {
                break;
            }
            split.feed(reader.terminator());
            if (reader.terminator().isEmpty() || !reader.next()) {
                return new Assembled(start, null, "unterminated quote", true);
            }
        }
        if (malformed) {
            return new Assembled(start, null, Lines.invalidUtf8(start), false);
        }
        if (split.problem() != null) {
            return new Assembled(start, null, split.problem(), false);
        }
        return new Assembled(start, split.finish(), null, false);
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            while (pending == null) {
                Assembled record = assemble(reader, false);
                if (record == null) {
                    return false;
                }
                if (record.unterminated()) {
                    broken = true;
                    throw new UncheckedIOException(
                            name + ": CSV is malformed after line " + lastLine + ": a quoted field that starts on line "
                                    + record.line() + " never ends",
                            new IOException("unterminated quote"));
                }
                lastLine = reader.number();
                if (record.problem() != null) {
                    pending = new ParsedLine.Rejected(new Rejection(name, record.line(), "-", record.problem()), type);
                } else if (record.fields().size() == 1 && record.fields().get(0).isEmpty()) {
                    continue; // an empty line
                } else {
                    pending = parse(record);
                }
            }
            return true;
        } catch (InputFiles.DecompressedTooLarge e) {
            broken = true;
            throw new InputTooLargeException(name + ": refused at line " + (lastLine + 1) + ": " + e.getMessage());
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException(name + ": read failed after line " + lastLine + ": " + e.getMessage(), e);
        }
    }

    private ParsedLine parse(Assembled record) {
        long line = record.line();
        try {
            return new ParsedLine.Parsed(line, RecordParser.parse(type, new CsvFieldReader(record.fields(), header)));
        } catch (FieldException e) {
            return new ParsedLine.Rejected(new Rejection(name, line, e.field(), e.getMessage()), type);
        } catch (IllegalArgumentException e) {
            return new ParsedLine.Rejected(new Rejection(name, line, "-", e.getMessage()), type);
        }
    }

    @Override
    public ParsedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedLine out = pending;
        pending = null;
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * RFC 4180 fields of one record, fed line by line: a field is quoted when it starts with {@code "}, a doubled
     * quote inside it is one quote, and a quote inside an unquoted field is kept as it is.
     */
    static final class Splitter {
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean atStart = true;
        private boolean inQuotes;
        private boolean closed;
        private String problem;

        void feed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                            closed = true;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    endField();
                } else if (closed) {
                    if (problem == null) {
                        problem = "malformed CSV: text after the closing quote of column " + (fields.size() + 1);
                    }
                } else if (c == '"' && atStart) {
                    inQuotes = true;
                    atStart = false;
                } else {
                    field.append(c);
                    atStart = false;
                }
            }
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            atStart = true;
            closed = false;
        }

        boolean inQuotes() {
            return inQuotes;
        }

        String problem() {
            return problem;
        }

        List<String> finish() {
            endField();
            return fields;
        }
    }
}
