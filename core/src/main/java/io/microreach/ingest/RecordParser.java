package io.microreach.ingest;

import io.microreach.domain.Account;
import io.microreach.domain.Captions;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validation rules of docs/import-format.md, shared by the JSONL and CSV readers. Nothing is changed silently: a
 * value that could not be stored as written (a control character, an over-long text, a handle that is not one) rejects
 * its line instead of being cleaned up, since a cleaned id could merge two accounts.
 */
final class RecordParser {
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}");

    /**
     * What the platforms allow in handles: Instagram and TikTok letters, digits, dots and underscores; YouTube also
     * hyphens, middle dots and letters of any script; Bluesky domain names; Mastodon {@code user@host}. No spaces,
     * quotes, brackets or formula signs, so a handle can never be markup or a spreadsheet formula.
     */
    private static final Pattern HANDLE = Pattern.compile(
            "[\\p{L}\\p{N}_][\\p{L}\\p{M}\\p{N}._\\u00B7-]*(?:@[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._-]*)?");

    // Field length caps in characters (docs/import-format.md), each well above what any platform allows.
    static final int MAX_ID = 256;
    static final int MAX_HANDLE = 256;
    static final int MAX_NAME = 512;
    static final int MAX_BIO = 20_000;
    static final int MAX_TEXT = 100_000;
    static final int MAX_URL = 2_048;
    static final int MAX_TAG = 256;

    private RecordParser() {}

    static DataRecord parse(RecordType type, FieldReader f) {
        return switch (type) {
            case ACCOUNT -> account(f);
            case POST -> post(f);
            case COMMENT -> comment(f);
            case FOLLOWER_SAMPLE -> followerSample(f);
            case FOLLOW_EDGE -> followEdge(f);
            case FOLLOWER_COUNT -> followerCount(f);
        };
    }

    private static Account account(FieldReader f) {
        String country = optionalCode(f, "country", COUNTRY, "an ISO 3166-1 alpha-2 country code such as DE");
        String language = optionalCode(f, "language", LANGUAGE, "an ISO 639-1 language code such as de");
        return new Account(
                platform(f),
                required(f, "id"),
                handle(f, "handle"),
                text(f, "display_name", MAX_NAME),
                text(f, "bio", MAX_BIO),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                language == null ? null : language.toLowerCase(Locale.ROOT),
                requiredCount(f, "followers"),
                count(f, "following"),
                count(f, "posts_count"),
                flag(f, "verified"),
                flag(f, "is_business"),
                flag(f, "is_creator"),
                single(f, "external_url", MAX_URL),
                single(f, "email", MAX_URL),
                single(f, "creator", MAX_ID),
                instant(f, "observed_at", false));
    }

    private static Post post(FieldReader f) {
        Platform platform = platform(f);
        String id = required(f, "id");
        String accountId = required(f, "account_id");
        Instant published = instant(f, "published_at", true);
        String formatText = required(f, "format");
        PostFormat format = PostFormat.fromId(formatText)
                .orElseThrow(() -> new FieldException(
                        "format", "unknown format '" + formatText + "'; expected one of " + PostFormat.allowedIds()));
        String caption = text(f, "caption", MAX_TEXT);
        List<String> hashtags = tags(f, "hashtags");
        List<String> mentions = tags(f, "mentions");
        return new Post(
                platform,
                id,
                accountId,
                published,
                format,
                caption,
                hashtags == null ? Captions.hashtags(caption) : normalise(hashtags, '#'),
                mentions == null ? Captions.mentions(caption) : normalise(mentions, '@'),
                count(f, "likes"),
                count(f, "comments"),
                count(f, "shares"),
                count(f, "saves"),
                count(f, "views"),
                count(f, "followers_at_post"),
                f.bool("paid_partnership"),
                single(f, "url", MAX_URL));
    }

    private static Comment comment(FieldReader f) {
        String text = text(f, "text", MAX_TEXT);
        if (text == null) {
            // An empty text is legal (a sticker-only comment); an absent one is not.
            if (!f.has("text")) {
                throw new FieldException("text", "is required (it may be empty)");
            }
            text = "";
        }
        return new Comment(
                platform(f),
                required(f, "id"),
                required(f, "post_id"),
                single(f, "author_id", MAX_ID),
                handle(f, "author_handle"),
                text,
                instant(f, "created_at", true),
                single(f, "parent_id", MAX_ID),
                count(f, "likes"));
    }

    private static FollowerSample followerSample(FieldReader f) {
        return new FollowerSample(
                platform(f),
                required(f, "account_id"),
                required(f, "follower_id"),
                handle(f, "handle"),
                text(f, "full_name", MAX_NAME),
                text(f, "bio", MAX_BIO),
                count(f, "followers"),
                count(f, "following"),
                count(f, "posts_count"),
                f.bool("has_profile_pic"),
                f.bool("is_private"),
                f.bool("verified"),
                single(f, "external_url", MAX_URL),
                instant(f, "sampled_at", false));
    }

    private static FollowEdge followEdge(FieldReader f) {
        Platform platform = platform(f);
        String account = required(f, "account_id");
        String source = required(f, "source_id");
        String target = required(f, "target_id");
        if (source.equals(target)) {
            throw new FieldException("target_id", "must differ from source_id (an account cannot follow itself)");
        }
        return new FollowEdge(platform, account, source, target);
    }

    private static FollowerCount followerCount(FieldReader f) {
        Platform platform = platform(f);
        String account = required(f, "account_id");
        String dateText = required(f, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new FieldException("date", "'" + dateText + "' is not a date in the form YYYY-MM-DD");
        }
        return new FollowerCount(platform, account, date, requiredCount(f, "followers"));
    }

    private static Platform platform(FieldReader f) {
        String id = required(f, "platform");
        return Platform.fromId(id)
                .orElseThrow(() -> new FieldException(
                        "platform", "unknown platform '" + id + "'; expected one of " + Platform.allowedIds()));
    }

    /** A required single-line value such as an id, trimmed; at most {@link #MAX_ID} characters. */
    private static String required(FieldReader f, String field) {
        String value = single(f, field, MAX_ID);
        if (value == null || value.isBlank()) {
            throw new FieldException(field, "is required");
        }
        return value.trim();
    }

    private static String handle(FieldReader f, String field) {
        String raw = required(f, field);
        String handle = raw.startsWith("@") ? raw.substring(1) : raw;
        if (handle.isBlank()) {
            throw new FieldException(field, "is required (got only '@')");
        }
        if (handle.length() > MAX_HANDLE || !HANDLE.matcher(handle).matches()) {
            throw new FieldException(
                    field,
                    "'" + Lines.shorten(handle) + "' is not a handle: it may only contain letters, digits and . _ -"
                            + " (Mastodon: user@host), starting with a letter, digit or _");
        }
        return handle;
    }

    /** An optional value that is one line (ids, addresses): no control character at all. */
    private static String single(FieldReader f, String field, int max) {
        return checked(field, f.string(field), max, false);
    }

    /** Optional free text (names, bios, captions): tabs and line breaks are allowed, other control characters not. */
    private static String text(FieldReader f, String field, int max) {
        return checked(field, f.string(field), max, true);
    }

    private static List<String> tags(FieldReader f, String field) {
        List<String> tags = f.list(field);
        if (tags != null) {
            for (String tag : tags) {
                checked(field, tag, MAX_TAG, false);
            }
        }
        return tags;
    }

    static String checked(String field, String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                boolean lineBreak = c == '\t' || c == '\n' || c == '\r' || c == '\u0085';
                if (!multiline || !lineBreak) {
                    throw new FieldException(
                            field,
                            String.format(
                                    "control character U+%04X in field %s at position %d (not allowed%s)",
                                    (int) c, field, i + 1, multiline ? "; only tabs and line breaks are" : ""));
                }
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new FieldException(
                        field,
                        String.format(
                                "invalid Unicode in field %s at position %d: unpaired surrogate U+%04X",
                                field, i + 1, (int) c));
            }
        }
        if (value.length() > max) {
            int characters = value.codePointCount(0, value.length());
            if (characters > max) {
                throw new FieldException(
                        field,
                        String.format(
                                Locale.ROOT, "field %s longer than %,d characters (got %,d)", field, max, characters));
            }
        }
        return value;
    }

    private static long requiredCount(FieldReader f, String field) {
        Long value = count(f, field);
        if (value == null) {
            throw new FieldException(field, "is required");
        }
        return value;
    }

    private static Long count(FieldReader f, String field) {
        Long value = f.integer(field);
        if (value != null && value < 0) {
            throw new FieldException(field, "must not be negative, got " + value);
        }
        return value;
    }

    private static boolean flag(FieldReader f, String field) {
        Boolean value = f.bool(field);
        return value != null && value;
    }

    private static Instant instant(FieldReader f, String field, boolean isRequired) {
        String text = isRequired ? required(f, field) : single(f, field, MAX_ID);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldException(
                    field, "'" + text + "' is not an ISO-8601 timestamp with zone such as 2026-03-01T18:30:00Z");
        }
    }

    private static String optionalCode(FieldReader f, String field, Pattern pattern, String expected) {
        String value = single(f, field, MAX_ID);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value.trim()).matches()) {
            throw new FieldException(field, "'" + value + "' is not " + expected);
        }
        return value.trim();
    }

    private static List<String> normalise(List<String> tags, char prefix) {
        return tags.stream()
                .map(String::trim)
                .map(t -> t.isEmpty() || t.charAt(0) != prefix ? t : t.substring(1))
                .filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
