package io.microreach.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of {@code security/advisories.csv}: one published advisory against one Maven coordinate.
 *
 * @param id the advisory id (CVE or GHSA)
 * @param coordinate {@code groupId:artifactId}; the artifactId may end in {@code *} (enforcer wildcard)
 * @param affected the affected versions in Maven version-range syntax, e.g. {@code [,2.0)} or
 *     {@code [2.10.0,2.18.8),[2.19.0,2.21.4)}
 * @param fixed the fixed versions, one per affected release line
 * @param severity CRITICAL, HIGH, MODERATE, LOW or UNRATED, as the source gives it
 * @param action {@code fail} breaks the build; {@code warn} reports it on every build without failing
 * @param summary one line: what the flaw is
 * @param source where the range was read
 */
record Advisory(
        String id,
        String coordinate,
        String affected,
        List<String> fixed,
        String severity,
        String action,
        String summary,
        String source) {

    static final List<String> HEADER =
            List.of("id", "coordinate", "affected", "fixed", "severity", "action", "summary", "source");

    /** The enforcer pattern that bans the affected versions: {@code groupId:artifactId:range}. */
    String pattern() {
        return coordinate + ":" + affected;
    }

    boolean fails() {
        return action.equals("fail");
    }

    /** This advisory's line in the message the enforcer prints above the offending dependency path. */
    String message() {
        return "- " + id + " (" + severity + ") " + affected + ", fixed in " + String.join(" / ", fixed) + ": "
                + summary + " " + source;
    }

    static List<Advisory> read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = format.parse(reader);
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IllegalStateException(csv + ": header must be " + String.join(",", HEADER));
            }
            List<Advisory> advisories = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (row.size() != HEADER.size()) {
                    throw new IllegalStateException(csv + " line " + parser.getCurrentLineNumber() + ": expected "
                            + HEADER.size() + " fields, got " + row.size());
                }
                advisories.add(new Advisory(
                        row.get("id"),
                        row.get("coordinate"),
                        row.get("affected"),
                        Arrays.stream(row.get("fixed").split(";"))
                                .map(String::trim)
                                .toList(),
                        row.get("severity"),
                        row.get("action"),
                        row.get("summary"),
                        row.get("source")));
            }
            return advisories;
        }
    }
}
