package io.microreach.realdata;

import io.microreach.domain.DataRecord;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.Rejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a converted file back with the project's own importer, the way a user's import would. */
record ImportCheck(List<DataRecord> records, List<Rejection> rejections) {

    static ImportCheck read(Path file) throws Exception {
        List<DataRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (RecordSource source = InputFiles.open(file)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Parsed p) {
                    records.add(p.record());
                } else if (line instanceof ParsedLine.Rejected r) {
                    rejections.add(r.rejection());
                }
            }
        }
        return new ImportCheck(records, rejections);
    }
}
