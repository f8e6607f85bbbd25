package io.microreach.niches.evaluation;

import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.ContentText;
import io.microreach.niches.NicheTaxonomy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The two real labelled text sets of the shared public-data folder, read with their grouping column so that every
 * split is by source and never by row (rows of one subreddit or one creator are strongly correlated; a row split
 * would measure memorised sources):
 *
 * <ul>
 *   <li>{@code reddit_top2013}: 51,603 Reddit post titles of 311 subreddits mapped onto all 18 niches, grouped by
 *       subreddit. Public domain (ODC PDDL): a model trained on it may ship.
 *   <li>{@code instagram_influencer_kim2020}: 32,000 Instagram captions of 23,107 influencers in 8 niches, grouped by
 *       creator (a hash of the username). Research-only: evaluate and tune on it, never ship a model trained on it.
 * </ul>
 *
 * <p>A creator of the Instagram set becomes one text the way the product builds an account's text ({@link
 * ContentText}: captions without hashtags, then the hashtags as words), so the creator-level figures measure what
 * the product classifies. The folder layout and licences are in each set's SOURCE.md.
 */
public final class PublicNicheData {
    public static final String REDDIT = "reddit_top2013";
    public static final String INSTAGRAM = "instagram_influencer_kim2020";
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_]+)");

    private PublicNicheData() {}

    /** A labelled text with the source it came from (subreddit or creator), the unit of every split. */
    public record GroupedText(String group, String label, String text) {}

    /** The Reddit titles, one per row, grouped by subreddit. */
    public static List<GroupedText> reddit(Path publicData, NicheTaxonomy taxonomy) throws UnusableInputException {
        Path dir = publicData.resolve(REDDIT);
        return read(dir.resolve("reddit_top2013.csv"), dir.resolve("source_subreddit.txt"), taxonomy);
    }

    /** The Instagram captions, one per post, grouped by creator. */
    public static List<GroupedText> instagramPosts(Path publicData, NicheTaxonomy taxonomy)
            throws UnusableInputException {
        Path dir = publicData.resolve(INSTAGRAM);
        return read(dir.resolve("instagram_captions.csv"), dir.resolve("creator_id.txt"), taxonomy);
    }

    /** One text per creator (its captions in file order, then its hashtags as words, as {@link ContentText} does). */
    public static List<GroupedText> instagramCreators(List<GroupedText> posts) {
        Map<String, List<GroupedText>> byCreator = new LinkedHashMap<>();
        for (GroupedText p : posts) {
            byCreator.computeIfAbsent(p.group(), k -> new ArrayList<>()).add(p);
        }
        List<GroupedText> out = new ArrayList<>();
        byCreator.forEach((creator, own) -> {
            List<String> captions = own.stream().map(GroupedText::text).toList();
            List<String> tags = new ArrayList<>();
            captions.forEach(c -> tags.addAll(hashtags(c)));
            out.add(new GroupedText(creator, own.get(0).label(), ContentText.of(null, captions, tags)));
        });
        return out;
    }

    /**
     * A post as the product would see it when it is an account's only post: the caption without hashtags, then the
     * hashtags as words.
     */
    public static GroupedText asContentText(GroupedText post) {
        return new GroupedText(
                post.group(), post.label(), ContentText.of(null, List.of(post.text()), hashtags(post.text())));
    }

    private static List<String> hashtags(String caption) {
        List<String> tags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(caption);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    private static List<GroupedText> read(Path csvFile, Path groupsFile, NicheTaxonomy taxonomy)
            throws UnusableInputException {
        if (!Files.isRegularFile(csvFile) || !Files.isRegularFile(groupsFile)) {
            throw new UnusableInputException(csvFile.getParent() + ": missing " + csvFile.getFileName() + " or "
                    + groupsFile.getFileName() + " (is this the shared public-data folder?)");
        }
        List<String> groups;
        try {
            groups = Files.readAllLines(groupsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnusableInputException(groupsFile + ": unreadable: " + e.getMessage());
        }
        List<GroupedText> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                if (!r.isSet("label") || !r.isSet("text")) {
                    throw new UnusableInputException(csvFile + " line " + line + ": expected the columns label,text");
                }
                String label = r.get("label").trim();
                if (!taxonomy.contains(label)) {
                    throw new UnusableInputException(
                            csvFile + " line " + line + ": label: unknown niche '" + label + "'");
                }
                int row = (int) r.getRecordNumber() - 1;
                if (row >= groups.size()) {
                    throw new UnusableInputException(
                            groupsFile + ": has " + groups.size() + " lines, fewer than the rows of " + csvFile);
                }
                out.add(new GroupedText(groups.get(row).trim(), label, r.get("text")));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnusableInputException(csvFile + ": not a readable label,text CSV: " + e.getMessage());
        }
        if (out.size() != groups.size()) {
            throw new UnusableInputException(
                    groupsFile + ": has " + groups.size() + " lines but " + csvFile + " has " + out.size() + " rows");
        }
        return out;
    }
}
