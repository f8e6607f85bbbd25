package io.microreach.realdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Account;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * InstaFake (Akyon and Kalfaoglu 2019): the genuine accounts with their per-post arrays become accounts and posts;
 * the labelled fake/real profiles become follower samples of two synthetic panel accounts, their labels going to a
 * side file because the import format has no place for ground truth.
 */
final class InstaFakeConverter {
    static final String NON_AUTOMATED = "nonautomatedAccountData.json";
    static final String FAKE = "fakeAccountData.json";
    static final String REAL = "realAccountData.json";
    static final String PANEL_FAKE = "instafake-panel-fake";
    static final String PANEL_REAL = "instafake-panel-real";

    // Instagram's own limits; a larger recorded value is a broken entry, not a longer name.
    static final int MAX_USERNAME_LENGTH = 30;
    static final int MAX_BIO_LENGTH = 150;
    // Upload times outside this range are not Unix seconds (milliseconds, or garbage).
    private static final long EARLIEST_UPLOAD =
            Instant.parse("2010-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST_UPLOAD =
            Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    private static final Platform IG = Platform.INSTAGRAM;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Tally tally;
    private final CSVPrinter labels;
    private long fakePanelSize;
    private long realPanelSize;

    InstaFakeConverter(Tally tally, CSVPrinter labels) {
        this.tally = tally;
        this.labels = labels;
    }

    void convert(Path folder) throws IOException {
        eachEntry(folder.resolve(NON_AUTOMATED), this::nonAutomated);
        labels.printRecord("follower_id", "is_fake");
        int fakeEntries = eachEntry(folder.resolve(FAKE), (index, o) -> labelled(FAKE, index, o));
        eachEntry(folder.resolve(REAL), (index, o) -> labelled(REAL, fakeEntries + index, o));
        panel(PANEL_FAKE, "InstaFake labelled sample: fake", fakePanelSize);
        panel(PANEL_REAL, "InstaFake labelled sample: real", realPanelSize);
    }

    private void nonAutomated(int index, JsonNode o) throws SkipEntry {
        String id = String.format(Locale.ROOT, "instafake-na-%04d", index);
        long followers = requiredCount(o, "userFollowerCount", NON_AUTOMATED);
        Long following = count(o, "userFollowingCount", NON_AUTOMATED);
        Long media = count(o, "userMediaCount", NON_AUTOMATED);
        String handle = handle(o, id, NON_AUTOMATED);
        String bio = bio(o, NON_AUTOMATED);
        Boolean hasUrl = flag(o, "userHasExternalUrl", NON_AUTOMATED);
        // example.com is reserved (RFC 2606): the link is visibly fake and never resolves to someone's site.
        String url = Boolean.TRUE.equals(hasUrl) ? "https://example.com/" + id : null;
        tally.write(new Account(
                IG, id, handle, null, bio, null, null, followers, following, media, false, false, false, url, null,
                null, null));
        posts(id, followers, o);
    }

    private void posts(String accountId, long followers, JsonNode o) {
        JsonNode times;
        JsonNode likes;
        JsonNode comments;
        JsonNode disabled;
        try {
            times = array(o, "mediaUploadTimes");
            likes = array(o, "mediaLikeNumbers");
            comments = array(o, "mediaCommentNumbers");
            disabled = array(o, "mediaCommentsAreDisabled");
        } catch (SkipEntry e) {
            tally.skip(e.reason());
            return;
        }
        if (times == null) {
            // Without upload times there is no published_at, which the format requires.
            tally.skip(NON_AUTOMATED + ": mediaUploadTimes missing, the account's posts are left out");
            return;
        }
        for (int n = 0; n < times.size(); n++) {
            try {
                Instant published = uploadTime(times.get(n));
                Long likeCount = element(likes, n, "mediaLikeNumbers");
                Long commentCount = element(comments, n, "mediaCommentNumbers");
                // Comments switched off: a 0 would read as "nobody commented" and skew like/comment ratios.
                if (disabled != null && Boolean.TRUE.equals(flagValue(disabled.get(n)))) {
                    commentCount = null;
                }
                String postId = String.format(Locale.ROOT, "%s-p%04d", accountId, n + 1);
                tally.write(new Post(
                        IG,
                        postId,
                        accountId,
                        published,
                        PostFormat.PHOTO,
                        null,
                        null,
                        null,
                        likeCount,
                        commentCount,
                        null,
                        null,
                        null,
                        followers,
                        null,
                        null));
            } catch (SkipEntry e) {
                tally.skip(e.reason());
            }
        }
    }

    private void labelled(String file, int position, JsonNode o) throws SkipEntry, IOException {
        // Numbered by position across both files, bad entries included, so that an id never moves when an entry
        // is skipped; the id itself does not name the label, which only the side file carries.
        String id = String.format(Locale.ROOT, "instafake-labelled-%04d", position);
        Boolean fake = flag(o, "isFake", file);
        if (fake == null) {
            throw new SkipEntry(file + ": isFake missing");
        }
        Long followers = count(o, "userFollowerCount", file);
        Long following = count(o, "userFollowingCount", file);
        Long media = count(o, "userMediaCount", file);
        Boolean pic = flag(o, "userHasProfilPic", file);
        Boolean priv = flag(o, "userIsPrivate", file);
        String handle = handle(o, id, file);
        String bio = bio(o, file);
        String panel = fake ? PANEL_FAKE : PANEL_REAL;
        tally.write(new FollowerSample(
                IG, panel, id, handle, null, bio, followers, following, media, pic, priv, null, null, null));
        labels.printRecord(id, fake);
        if (fake) {
            fakePanelSize++;
        } else {
            realPanelSize++;
        }
    }

    private void panel(String id, String displayName, long size) {
        if (size == 0) {
            return;
        }
        // The panel stands for "whoever these sampled followers follow"; its only known audience is the sample.
        tally.write(new Account(
                IG,
                id,
                id.replace('-', '_'),
                displayName,
                null,
                null,
                null,
                size,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                null));
    }

    private static String handle(JsonNode o, String seed, String file) throws SkipEntry {
        Long length = count(o, "usernameLength", file);
        Long digits = count(o, "usernameDigitCount", file);
        if (length == null || length < 1 || length > MAX_USERNAME_LENGTH) {
            throw new SkipEntry(file + ": usernameLength missing or not between 1 and " + MAX_USERNAME_LENGTH);
        }
        if (digits == null || digits > length) {
            throw new SkipEntry(file + ": usernameDigitCount missing or larger than usernameLength");
        }
        return SyntheticProfiles.handle(seed, length.intValue(), digits.intValue());
    }

    private static String bio(JsonNode o, String file) throws SkipEntry {
        Long length = count(o, "userBiographyLength", file);
        if (length == null) {
            return null;
        }
        if (length > MAX_BIO_LENGTH) {
            throw new SkipEntry(file + ": userBiographyLength larger than " + MAX_BIO_LENGTH);
        }
        return SyntheticProfiles.bio(length.intValue());
    }

    private static Instant uploadTime(JsonNode v) throws SkipEntry {
        Long t = v == null ? null : wholeNumber(v);
        if (t == null || t < EARLIEST_UPLOAD || t > LATEST_UPLOAD) {
            throw new SkipEntry(NON_AUTOMATED + ": post with mediaUploadTimes entry missing or not a Unix time in"
                    + " seconds (2010-2100)");
        }
        return Instant.ofEpochSecond(t);
    }

    private static Long element(JsonNode array, int n, String field) throws SkipEntry {
        JsonNode v = array == null ? null : array.get(n);
        if (v == null || v.isNull()) {
            return null;
        }
        Long value = wholeNumber(v);
        if (value == null || value < 0) {
            throw new SkipEntry(NON_AUTOMATED + ": post with " + field + " entry not a whole number >= 0");
        }
        return value;
    }

    private static JsonNode array(JsonNode o, String field) throws SkipEntry {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new SkipEntry(NON_AUTOMATED + ": " + field + " is not an array, the account's posts are left out");
        }
        return v;
    }

    private static long requiredCount(JsonNode o, String field, String file) throws SkipEntry {
        Long value = count(o, field, file);
        if (value == null) {
            throw new SkipEntry(file + ": " + field + " missing");
        }
        return value;
    }

    private static Long count(JsonNode o, String field, String file) throws SkipEntry {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Long value = wholeNumber(v);
        if (value == null || value < 0) {
            throw new SkipEntry(file + ": " + field + " not a whole number >= 0");
        }
        return value;
    }

    private static Boolean flag(JsonNode o, String field, String file) throws SkipEntry {
        JsonNode v = o.get(field);
        Boolean value = flagValue(v);
        if (value == null && v != null && !v.isNull()) {
            throw new SkipEntry(file + ": " + field + " not 0 or 1");
        }
        return value;
    }

    /** 0/1 (how the source writes flags) or true/false; {@code null} when absent or anything else. */
    private static Boolean flagValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        Long n = wholeNumber(v);
        return n == null || n > 1 || n < 0 ? null : n == 1;
    }

    /** Integers, also when a tool wrote them as 12.0; {@code null} for anything else. */
    private static Long wholeNumber(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e15) {
            return (long) v.asDouble();
        }
        return null;
    }

    private interface EntryHandler {
        void accept(int index, JsonNode entry) throws SkipEntry, IOException;
    }

    /** Streams a top-level JSON array, one object at a time; positions are 1-based. Returns the entry count. */
    private int eachEntry(Path file, EntryHandler handler) throws IOException {
        tally.read(file);
        String name = file.getFileName().toString();
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file + ": expected a JSON array of account objects");
            }
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException(file + ": the JSON array is not closed (truncated file?)");
                }
                index++;
                JsonNode entry = p.readValueAsTree();
                try {
                    if (!entry.isObject()) {
                        throw new SkipEntry(name + ": entry is not a JSON object");
                    }
                    handler.accept(index, entry);
                } catch (SkipEntry e) {
                    tally.skip(e.reason());
                }
            }
            return index;
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
