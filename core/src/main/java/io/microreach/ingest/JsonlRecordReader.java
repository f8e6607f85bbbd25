package io.microreach.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.microreach.domain.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSONL: one JSON object per line with a {@code type} field. Blank lines are skipped. */
final class JsonlRecordReader implements RecordSource {
    // One object per line: anything after it (a second object, garbage) makes the line malformed. A key given twice
    // is refused rather than letting the last one win, which would store a value the writer may not have meant.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private final String name;
    private final LineReader reader;
    private final InputFiles.CountingInputStream counting;
    private final long totalBytes;
    private long lineNumber;
    private ParsedLine next;
    private boolean done;

    JsonlRecordReader(String name, LineReader reader, InputFiles.CountingInputStream counting, long totalBytes) {
        this.name = name;
        this.reader = reader;
        this.counting = counting;
        this.totalBytes = totalBytes;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public ParsedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedLine out = next;
        next = null;
        return out;
    }

    private ParsedLine advance() {
        try {
            while (reader.next()) {
                lineNumber = reader.number();
                if (reader.tooLong()) {
                    return reject("-", Lines.tooLong(reader.maxLineBytes()));
                }
                String line = reader.text();
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // UTF-8 byte order mark, as some editors write
                }
                if (reader.malformed()) {
                    return reject("-", Lines.invalidUtf8(lineNumber));
                }
                if (!line.isBlank()) {
                    return parseLine(line);
                }
            }
            return null;
        } catch (InputFiles.DecompressedTooLarge e) {
            done = true;
            throw new InputTooLargeException(name + ": refused at line " + (lineNumber + 1) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": read failed at line " + (lineNumber + 1), e);
        }
    }

    ParsedLine parseLine(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.matches()) {
                return reject(
                        Lines.shorten(duplicate.group(1)),
                        "duplicate key '" + Lines.shorten(duplicate.group(1)) + "' (each key may appear once)");
            }
            return reject("-", "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return reject("-", "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            return reject("type", "is required (one of " + RecordType.allowedIds() + ")");
        }
        if (!typeNode.isTextual()) {
            return reject("type", "expected a string, got " + JsonFieldReader.describe(typeNode));
        }
        var type = RecordType.fromId(typeNode.asText());
        if (type.isEmpty()) {
            return reject(
                    "type", "unknown type '" + typeNode.asText() + "'; expected one of " + RecordType.allowedIds());
        }
        try {
            return new ParsedLine.Parsed(lineNumber, RecordParser.parse(type.get(), new JsonFieldReader(node)));
        } catch (FieldException e) {
            return reject(type.get(), e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return reject(type.get(), "-", e.getMessage());
        }
    }

    private ParsedLine reject(String field, String reason) {
        return reject(null, field, reason);
    }

    private ParsedLine reject(RecordType type, String field, String reason) {
        return new ParsedLine.Rejected(new Rejection(name, lineNumber, field, reason), type);
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
}
