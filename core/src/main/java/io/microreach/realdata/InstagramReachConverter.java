package io.microreach.realdata;

import io.microreach.domain.Account;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The "Instagram reach" posts (format-repaired CSV): one post per row, one account per username. The source has
 * no crawl date, only each post's age ("11 hours"), so publication times are counted back from {@link #REFERENCE}.
 */
final class InstagramReachConverter {
    static final String FILE = "instagram_reach.csv";
    /**
     * Stand-in crawl time: the source does not record one. Only the ages (2 to 24 hours) are real; fixed so that
     * re-running the conversion writes the same timestamps.
     */
    static final Instant REFERENCE = Instant.parse("2020-01-01T00:00:00Z");

    static final String USERNAME = "USERNAME";
    static final String CAPTION = "Caption";
    static final String FOLLOWERS = "Followers";
    static final String HASHTAGS = "Hashtags";
    static final String AGE = "Time since posted";
    static final String LIKES = "Likes";

    // "Time since posted" of a crawl of fresh posts; a longer age is a broken cell, not an old post.
    static final Duration MAX_AGE = Duration.ofDays(366);

    private static final Platform IG = Platform.INSTAGRAM;
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\u00A0]+|[\\s\\u00A0]+$");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");
    private static final Pattern AGE_TEXT = Pattern.compile(
            "(\\d+|an?)\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w)(\\s+ago)?",
            Pattern.CASE_INSENSITIVE);
    // The hashtags column runs tags together ("#ai#bigdata", no-break spaces): every '#' starts a new tag.
    private static final Pattern TAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

    private final Tally tally;

    InstagramReachConverter(Tally tally) {
        this.tally = tally;
    }

    void convert(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        tally.read(file);
        Map<String, Long> followersByHandle = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setAllowMissingColumnNames(true)
                        .get()
                        .parse(in)) {
            Map<String, String> columns = columns(file, csv.getHeaderNames());
            int row = 0;
            for (CSVRecord record : csv) {
                row++;
                try {
                    Post post = post(row, record, columns);
                    tally.write(post);
                    // Rows of one account may disagree by a few followers (crawled at different moments); the
                    // largest is kept so that the account does not depend on the row order.
                    followersByHandle.merge(post.accountPlatformId(), post.followersAtPost(), Math::max);
                } catch (SkipEntry e) {
                    tally.skip(e.reason());
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports a broken quote while iterating, unchecked; it spoils the rest of the file.
            throw unreadable(file, e.getCause());
        } catch (CharacterCodingException e) {
            throw unreadable(file, e);
        }
        followersByHandle.forEach((handle, followers) -> tally.write(new Account(
                IG, handle, handle, null, null, null, null, followers, null, null, false, false, false, null, null,
                null, REFERENCE)));
    }

    private static Post post(int row, CSVRecord record, Map<String, String> columns) throws SkipEntry {
        if (!record.isConsistent()) {
            throw new SkipEntry(FILE + ": row has a different number of columns than the header");
        }
        String handle = value(record, columns, USERNAME);
        if (handle != null && handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (handle == null || handle.isEmpty()) {
            throw new SkipEntry(FILE + ": " + USERNAME + " empty");
        }
        if (!HANDLE.matcher(handle).matches()) {
            throw new SkipEntry(FILE + ": " + USERNAME + " is not an Instagram username (1-30 of A-Z a-z 0-9 . _)");
        }
        long followers = count(record, columns, FOLLOWERS);
        long likes = count(record, columns, LIKES);
        Duration age = age(value(record, columns, AGE));
        String caption = value(record, columns, CAPTION);
        List<String> hashtags = hashtags(value(record, columns, HASHTAGS));
        return new Post(
                IG,
                String.format(Locale.ROOT, "instagram-reach-%04d", row),
                handle,
                REFERENCE.minus(age),
                PostFormat.PHOTO,
                caption,
                hashtags,
                null,
                likes,
                null,
                null,
                null,
                null,
                followers,
                null,
                null);
    }

    private static IOException unreadable(Path file, IOException cause) {
        String why = cause instanceof CharacterCodingException
                ? "is not UTF-8 text"
                : "is not readable as CSV: " + cause.getMessage();
        return new IOException(file + ": " + why, cause);
    }

    /** Maps each wanted column to the header name as spelt in the file (case and spacing may differ). */
    private static Map<String, String> columns(Path file, List<String> header) throws IOException {
        Map<String, String> byKey = new HashMap<>();
        for (String h : header) {
            if (h != null) {
                byKey.put(key(h), h);
            }
        }
        Map<String, String> columns = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String wanted : List.of(USERNAME, CAPTION, FOLLOWERS, HASHTAGS, AGE, LIKES)) {
            String actual = byKey.get(key(wanted));
            if (actual != null) {
                columns.put(wanted, actual);
            } else if (!wanted.equals(CAPTION) && !wanted.equals(HASHTAGS)) {
                missing.add(wanted);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": missing column(s) " + String.join(", ", missing)
                    + "; expected the format-repaired instagram_reach.csv described in SOURCE.md"
                    + " (instagram_reach_original.csv wraps each row in one quoted field)");
        }
        return columns;
    }

    private static String key(String header) {
        return header.replace('\uFEFF', ' ').trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The trimmed cell (no-break spaces too), {@code null} when the column is absent or the cell empty. */
    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String name = columns.get(column);
        if (name == null || !record.isSet(name)) {
            return null;
        }
        String v = EDGE_SPACE.matcher(record.get(name)).replaceAll("");
        return v.isEmpty() ? null : v;
    }

    private static long count(CSVRecord record, Map<String, String> columns, String column) throws SkipEntry {
        String v = value(record, columns, column);
        if (v == null) {
            throw new SkipEntry(FILE + ": " + column + " empty");
        }
        if (!COUNT.matcher(v).matches()) {
            throw new SkipEntry(FILE + ": " + column + " not a whole number >= 0");
        }
        try {
            return Long.parseLong(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new SkipEntry(FILE + ": " + column + " too large");
        }
    }

    static Duration age(String text) throws SkipEntry {
        Matcher m = text == null ? null : AGE_TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new SkipEntry(FILE + ": " + AGE + " empty or not understood (expected e.g. '11 hours')");
        }
        String amountText = m.group(1).toLowerCase(Locale.ROOT);
        // Six digits are plenty for any unit and keep the arithmetic below far from overflow.
        if (amountText.length() > 6) {
            throw new SkipEntry(FILE + ": " + AGE + " longer than a year");
        }
        long amount = amountText.startsWith("a") ? 1 : Long.parseLong(amountText);
        Duration age = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        if (age.compareTo(MAX_AGE) > 0) {
            throw new SkipEntry(FILE + ": " + AGE + " longer than a year");
        }
        return age;
    }

    static List<String> hashtags(String column) {
        if (column == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = TAG.matcher(column);
        while (m.find()) {
            // Lower-cased as the importer stores them, so the file already holds what ends up in the database.
            tags.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tags);
    }
}
