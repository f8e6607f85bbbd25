package io.microreach.app.importer;

import io.microreach.ingest.Rejection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of importing one file.
 *
 * @param perType counts for every record type, in import order
 * @param unreadableLines rejected lines whose record type could not be determined (malformed JSON, no type)
 * @param firstRejections the first rejections, for printing (all of them are in {@code rejectionFile})
 * @param rejectionFile the CSV report of every rejected line, or {@code null} when nothing was rejected
 * @param waitingForParent rows in the whole database still waiting for their parent record to be imported
 */
public record ImportReport(
        String source,
        List<TypeCounts> perType,
        long unreadableLines,
        List<Rejection> firstRejections,
        Path rejectionFile,
        long waitingForParent,
        Duration elapsed) {

    public long stored() {
        return perType.stream().mapToLong(TypeCounts::stored).sum();
    }

    public long unchanged() {
        return perType.stream().mapToLong(TypeCounts::unchanged).sum();
    }

    public long rejected() {
        return unreadableLines
                + perType.stream().mapToLong(TypeCounts::rejected).sum();
    }

    public long lines() {
        return stored() + unchanged() + rejected();
    }
}
