package io.microreach.app.exports;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: records end in CRLF, quoted fields may hold commas, quotes and breaks. */
final class CsvRecords {
    private CsvRecords() {}

    /** The records of a file (without its byte order mark). */
    static List<List<String>> parse(String file) {
        if (!file.endsWith("\r\n") && !file.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end in CRLF");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean start = true;
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < file.length() && file.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (start && c == '"') {
                quoted = true;
                start = false;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                start = true;
            } else if (c == '\r' && i + 1 < file.length() && file.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                start = true;
                i++;
            } else if (c == '"' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("unquoted field holds a quote, CR or LF at " + i);
            } else {
                cell.append(c);
                start = false;
            }
        }
        return records;
    }
}
