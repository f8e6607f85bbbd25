package io.microreach.signals.commercial.evaluation;

import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The sponsorship label file (docs/eval/sponsorship-labels.csv): CSV with the header {@code
 * set,file,row,text_sha1,split,stratum,label,brands,note}. It references captions by data set, file and row and
 * never holds their text; brands are hashed handles ({@link #hash}). Reading is strict, every error names the line
 * and field: a silently dropped label would bias every figure computed from the file.
 */
public final class SponsorshipLabelFile {
    static final List<String> COLUMNS = List.of("set", "file", "row", "text_sha1", "split", "label", "brands");

    private SponsorshipLabelFile() {}

    public static List<CaptionLabel> read(Path file) throws UnusableInputException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException(file + ": no such file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get()
                        .parse(in)) {
            for (String column : COLUMNS) {
                if (!csv.getHeaderNames().contains(column)) {
                    throw new UnusableInputException(file + " line 1: missing column '" + column + "' (expected "
                            + String.join(",", COLUMNS) + ")");
                }
            }
            List<CaptionLabel> out = new ArrayList<>();
            for (CSVRecord r : csv) {
                out.add(label(file, r));
            }
            if (out.isEmpty()) {
                throw new UnusableInputException(file + ": no labelled rows after the header");
            }
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnusableInputException(file + ": not a readable label CSV: " + e.getMessage());
        }
    }

    private static CaptionLabel label(Path file, CSVRecord r) throws UnusableInputException {
        long line = r.getRecordNumber() + 1;
        String where = file + " line " + line + ": ";
        for (String column : COLUMNS) {
            if (!r.isSet(column) || (r.get(column).isBlank() && !column.equals("brands"))) {
                throw new UnusableInputException(where + column + ": empty");
            }
        }
        int row;
        try {
            row = Integer.parseInt(r.get("row"));
        } catch (NumberFormatException e) {
            throw new UnusableInputException(where + "row: '" + r.get("row") + "' is not a whole number");
        }
        if (row < 0) {
            throw new UnusableInputException(where + "row: " + row + " is negative");
        }
        String sha = r.get("text_sha1").toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{12}")) {
            throw new UnusableInputException(where + "text_sha1: expected 12 hex digits");
        }
        SponsorshipTruth truth = SponsorshipTruth.parse(r.get("label"))
                .orElseThrow(() -> new UnusableInputException(
                        where + "label: '" + r.get("label") + "'; expected disclosed, undisclosed or none"));
        Set<String> brands = new LinkedHashSet<>();
        for (String b : r.get("brands").split("\\|")) {
            String h = b.trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                continue;
            }
            if (!h.matches("[0-9a-f]{12}")) {
                throw new UnusableInputException(where + "brands: '" + b + "' is not a 12-hex-digit hash");
            }
            brands.add(h);
        }
        if (!truth.sponsored() && !brands.isEmpty()) {
            throw new UnusableInputException(where + "brands: a caption labelled none has no partner brand");
        }
        return new CaptionLabel(
                line, r.get("set"), r.get("file"), row, sha, r.get("split").toLowerCase(Locale.ROOT), truth, brands);
    }

    /** The first 12 hex digits of the SHA-1 of {@code text} in UTF-8: how the file names captions and brands. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }
}
