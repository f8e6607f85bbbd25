package io.microreach.ingest;

import io.microreach.domain.RecordType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the accounts and posts CSV formats; the header decides which one a file is. */
final class CsvRecordReader implements RecordSource {
    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Map<String, Integer> header;
    private final RecordType type;
    private final InputFiles.CountingInputStream counting;
    private final long totalBytes;
    private long lastLine = 1;
    private CSVRecord pending;
    private long pendingLine;
    private boolean broken;

    private CsvRecordReader(
            String name,
            CSVParser parser,
            Map<String, Integer> header,
            RecordType type,
            InputFiles.CountingInputStream counting,
            long totalBytes) {
        this.name = name;
        this.parser = parser;
        this.rows = parser.iterator();
        this.header = header;
        this.type = type;
        this.counting = counting;
        this.totalBytes = totalBytes;
    }

    static CsvRecordReader open(
            String name, BufferedReader reader, InputFiles.CountingInputStream counting, long totalBytes)
            throws IOException, UnusableInputException {
        CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .setTrim(false)
                .get()
                .parse(reader);
        Map<String, Integer> header = new HashMap<>();
        parser.getHeaderMap().forEach((k, v) -> {
            if (k != null) {
                header.put(
                        k.trim().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').trim(), v);
            }
        });
        RecordType type;
        if (header.containsKey("published_at")) {
            type = RecordType.POST;
        } else if (header.containsKey("handle") && header.containsKey("followers")) {
            type = RecordType.ACCOUNT;
        } else {
            parser.close();
            throw new UnusableInputException(name
                    + ": CSV header names neither a posts file (needs published_at) nor an accounts file"
                    + " (needs handle and followers); see docs/import-format.md");
        }
        return new CsvRecordReader(name, parser, header, type, counting, totalBytes);
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            while (pending == null && rows.hasNext()) {
                CSVRecord row = rows.next();
                // Physical line where the record starts: the header is line 1. Empty lines are records here (not
                // ignored by the parser) so that the line count stays right; they are skipped.
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                pending = row;
                pendingLine = line;
            }
            return pending != null;
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            throw new UncheckedIOException(
                    name + ": CSV is malformed after line " + lastLine + ": " + e.getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
        }
    }

    @Override
    public ParsedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord row = pending;
        long line = pendingLine;
        pending = null;
        try {
            return new ParsedLine.Parsed(line, RecordParser.parse(type, new CsvFieldReader(row, header)));
        } catch (FieldException e) {
            return new ParsedLine.Rejected(new Rejection(name, line, e.field(), e.getMessage()), type);
        } catch (IllegalArgumentException e) {
            return new ParsedLine.Rejected(new Rejection(name, line, "-", e.getMessage()), type);
        }
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
        parser.close();
    }
}
