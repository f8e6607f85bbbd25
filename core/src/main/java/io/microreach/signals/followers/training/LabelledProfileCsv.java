package io.microreach.signals.followers.training;

import io.microreach.signals.followers.FollowerProfile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads labelled profiles for retraining the classifier from a CSV in the contract format: a header row with
 * {@code label} (1 = suspicious, 0 = genuine; {@code true}/{@code false} also accepted) and any of
 * {@link #FEATURE_COLUMNS}. Column names are case-insensitive; unknown columns (an id, a note) are ignored; a
 * missing column or an empty cell means "unknown" for that feature. Booleans accept 1/0, true/false, yes/no.
 * {@code username} is used only for its length and digit share.
 *
 * <p>Every bad row is reported with its line number (the line where the row starts, header = line 1) in one
 * {@link InvalidLabelledCsvException}, so a user can fix the file in one pass; nothing is silently skipped.
 */
public final class LabelledProfileCsv {
    public static final String LABEL = "label";

    public static final List<String> FEATURE_COLUMNS = List.of(
            "username",
            "posts",
            "followers",
            "following",
            "has_profile_picture",
            "is_private",
            "bio_length",
            "has_external_url",
            "fullname_words");

    private LabelledProfileCsv() {}

    public static List<LabelledProfile> read(Path file) throws IOException, InvalidLabelledCsvException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    public static List<LabelledProfile> read(Reader in) throws IOException, InvalidLabelledCsvException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setAllowMissingColumnNames(true)
                .setTrim(true)
                .build();
        List<CsvRowError> errors = new ArrayList<>();
        List<LabelledProfile> out = new ArrayList<>();
        try (CSVParser parser = format.parse(in)) {
            Map<String, Integer> columns = columns(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw new InvalidLabelledCsvException(errors);
            }
            Iterator<CSVRecord> records = parser.iterator();
            long consumed = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord r;
                try {
                    r = records.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    errors.add(new CsvRowError(consumed + 1, "", "unreadable CSV: " + e.getMessage()));
                    break;
                }
                long line = consumed + 1;
                consumed = parser.getCurrentLineNumber();
                row(r, line, columns, parser.getHeaderNames().size(), errors, out);
            }
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(new CsvRowError(1, "", "no data rows"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidLabelledCsvException(errors);
        }
        return out;
    }

    private static Map<String, Integer> columns(List<String> header, List<CsvRowError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (!name.equals(LABEL) && !FEATURE_COLUMNS.contains(name)) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                errors.add(new CsvRowError(1, name, "column appears twice"));
            }
        }
        if (!columns.containsKey(LABEL)) {
            errors.add(new CsvRowError(1, LABEL, "header has no label column (1 = suspicious, 0 = genuine)"));
        }
        if (columns.size() == 1 && columns.containsKey(LABEL)) {
            errors.add(new CsvRowError(1, "", "header has no feature column; expected any of " + FEATURE_COLUMNS));
        }
        return columns;
    }

    private static void row(
            CSVRecord r,
            long line,
            Map<String, Integer> columns,
            int width,
            List<CsvRowError> errors,
            List<LabelledProfile> out) {
        if (r.size() != width) {
            errors.add(new CsvRowError(line, "", "expected " + width + " fields, found " + r.size()));
            return;
        }
        int before = errors.size();
        Cells c = new Cells(r, line, columns, errors);
        Boolean label = c.bool(LABEL);
        if (label == null && errors.size() == before) {
            errors.add(new CsvRowError(line, LABEL, "label is empty"));
        }
        String username = c.text("username");
        FollowerProfile p = FollowerProfile.unknown()
                .withCounts(c.count("posts"), c.count("followers"), c.count("following"))
                .withFlags(c.bool("has_profile_picture"), c.bool("is_private"), c.bool("has_external_url"))
                .withUsername(username);
        Long bio = c.count("bio_length");
        Long words = c.count("fullname_words");
        if (bio != null && bio > Integer.MAX_VALUE || words != null && words > Integer.MAX_VALUE) {
            errors.add(new CsvRowError(line, "", "bio_length or fullname_words is too large"));
        } else {
            p = p.withBioLength(bio == null ? null : bio.intValue())
                    .withFullNameWords(words == null ? null : words.intValue());
        }
        if (errors.size() > before) {
            return;
        }
        if (p.equals(FollowerProfile.unknown())) {
            errors.add(new CsvRowError(line, "", "row has a label but no feature value"));
            return;
        }
        out.add(new LabelledProfile(p, label));
    }

    /** Typed access to one row's cells; problems go to the error list and read as unknown. */
    private record Cells(CSVRecord r, long line, Map<String, Integer> columns, List<CsvRowError> errors) {
        String text(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            String v = r.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        Long count(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                long n = Long.parseLong(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new CsvRowError(line, column, "expected a whole number ≥ 0, found '" + abbreviate(v) + "'"));
            return null;
        }

        Boolean bool(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes" -> {
                    return true;
                }
                case "0", "false", "no" -> {
                    return false;
                }
                default -> {
                    errors.add(new CsvRowError(
                            line, column, "expected 1/0, true/false or yes/no, found '" + abbreviate(v) + "'"));
                    return null;
                }
            }
        }

        /** Cell text in an error message, cut short: a misplaced bio should not end up whole in a log. */
        private static String abbreviate(String v) {
            return v.length() <= 20 ? v : v.substring(0, 20) + "…";
        }
    }
}
