package io.microreach.realdata;

import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import io.microreach.ingest.JsonlRecordWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes records and keeps the counts that end up in the {@link ConversionSummary}. */
final class Tally {
    private final JsonlRecordWriter out;
    private final List<Path> sources = new ArrayList<>();
    private final Map<RecordType, Long> written = new EnumMap<>(RecordType.class);
    // Sorted so that the summary reads the same on every run.
    private final Map<String, Long> skipped = new TreeMap<>();

    Tally(JsonlRecordWriter out) {
        this.out = out;
    }

    void read(Path file) {
        sources.add(file);
    }

    void write(DataRecord record) {
        out.write(record);
        written.merge(record.type(), 1L, Long::sum);
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    ConversionSummary summary(RealDataSet set, Path outFile, Path labelsFile) {
        return new ConversionSummary(set, sources, outFile, labelsFile, written, skipped);
    }
}
