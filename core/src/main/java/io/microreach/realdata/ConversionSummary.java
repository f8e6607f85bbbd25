package io.microreach.realdata;

import io.microreach.domain.RecordType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one conversion read and wrote. Skip reasons are fixed texts that name the source file and field, never a
 * value from the data, so the summary can be printed and logged safely.
 *
 * @param sourceFiles the files read, in reading order
 * @param outFile the JSONL file written
 * @param labelsFile the side file with the source's labels ({@code follower_id,is_fake}); {@code null} when the set
 *     has none
 * @param written records written per type; types not written are absent
 * @param skipped source entries left out, counted per reason
 */
public record ConversionSummary(
        RealDataSet dataSet,
        List<Path> sourceFiles,
        Path outFile,
        Path labelsFile,
        Map<RecordType, Long> written,
        Map<String, Long> skipped) {

    public ConversionSummary {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(outFile, "outFile");
        sourceFiles = List.copyOf(sourceFiles);
        Map<RecordType, Long> byType = new EnumMap<>(RecordType.class);
        byType.putAll(written);
        written = Collections.unmodifiableMap(byType);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Records of {@code type} written; 0 when none. */
    public long written(RecordType type) {
        return written.getOrDefault(type, 0L);
    }

    public long totalWritten() {
        return written.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for the console: files, counts per type, skip reasons. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(dataSet.cliName())
                .append(": read ")
                .append(sourceFiles.size())
                .append(" file(s)");
        for (Path p : sourceFiles) {
            sb.append("\n  ").append(p);
        }
        sb.append("\nwrote ").append(totalWritten()).append(" record(s) to ").append(outFile);
        for (RecordType t : RecordType.values()) {
            if (written.containsKey(t)) {
                sb.append("\n  ").append(t.id()).append(": ").append(written.get(t));
            }
        }
        if (labelsFile != null) {
            sb.append("\nlabels: ").append(labelsFile);
        }
        sb.append("\nskipped ").append(totalSkipped());
        skipped.forEach((reason, n) -> sb.append("\n  ").append(n).append(" × ").append(reason));
        return sb.toString();
    }
}
