package io.microreach.signals.commercial.evaluation;

import io.microreach.ingest.UnusableInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Joins labels to the captions of the public data folder ({@code ../shared/data}): each labelled file is read once
 * (its {@code text} or {@code Caption} column), each label's row is looked up and its text's hash checked against
 * the label's {@code text_sha1}, so a changed or reordered file fails loudly instead of scoring the wrong captions.
 */
public final class PublicCaptions {
    private PublicCaptions() {}

    /**
     * @throws FileNotFoundException when the folder or a labelled file is missing
     * @throws UnusableInputException when a row is out of range or its text does not match the label's hash
     */
    public static List<LabelledCaption> join(Path folder, List<CaptionLabel> labels)
            throws FileNotFoundException, UnusableInputException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException("public data folder " + folder
                    + " not found: pass the folder that holds instagram_influencer_kim2020/ and"
                    + " instagram-reach-posts/ (../shared/data beside the checkout)");
        }
        Map<Path, List<String>> texts = new HashMap<>();
        List<LabelledCaption> out = new ArrayList<>();
        for (CaptionLabel l : labels) {
            Path file = folder.resolve(l.set()).resolve(l.file()).normalize();
            if (!file.startsWith(folder.normalize())) {
                throw new UnusableInputException("label line " + l.line() + ": set/file leaves the data folder");
            }
            List<String> column = texts.get(file);
            if (column == null) {
                column = captions(file);
                texts.put(file, column);
            }
            if (l.row() >= column.size()) {
                throw new UnusableInputException("label line " + l.line() + ": row " + l.row() + " but " + file
                        + " has " + column.size() + " rows");
            }
            String text = column.get(l.row());
            if (!SponsorshipLabelFile.hash(text).equals(l.textSha1())) {
                throw new UnusableInputException("label line " + l.line() + ": the caption at row " + l.row() + " of "
                        + file + " does not match text_sha1 (a different version of the data set?)");
            }
            out.add(new LabelledCaption(l, text));
        }
        return out;
    }

    private static List<String> captions(Path file) throws FileNotFoundException, UnusableInputException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(file + " not found in the public data folder");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            String column = null;
            for (String h : csv.getHeaderNames()) {
                String name = h.trim().toLowerCase(Locale.ROOT);
                if (name.equals("text") || name.equals("caption")) {
                    column = h;
                }
            }
            if (column == null) {
                throw new UnusableInputException(file + " line 1: no 'text' or 'Caption' column");
            }
            List<String> out = new ArrayList<>();
            for (CSVRecord r : csv) {
                out.add(r.isSet(column) ? r.get(column) : "");
            }
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnusableInputException(file + ": not a readable CSV: " + e.getMessage());
        }
    }
}
