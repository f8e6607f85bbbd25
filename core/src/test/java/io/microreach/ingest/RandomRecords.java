package io.microreach.ingest;

import io.microreach.domain.Account;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of valid records already in the form the reader produces: required ids trimmed and non-blank,
 * handles without a leading {@code @}, optional strings non-empty or {@code null}, hashtags and mentions lower-case,
 * distinct and without {@code #}/{@code @}, country upper-case, language lower-case.
 */
final class RandomRecords {
    // A mix of scripts and characters that need escaping in JSON or are special in CSV/JSONL.
    private static final String[] PIECES = {
        "a", "Z", "0", "9", "_", ".", "-", " ", "  ", "ä", "Ö", "ß", "é", "ñ", "¡", "ж", "Я", "料", "理", "ا", "ל", "🌿",
        "👩‍💻", "\"", "\\", "/", "\n", "\r\n", "\t", "\u2028", "\u0085", "\uFEFF", ",", "|", "#", "@", "{", "}", "[",
        "]", ":", "'", "<b>", "&amp;", "%s", "null", "true", "12"
    };
    private static final String[] TAG_PIECES = {
        "a", "b", "z", "0", "7", "_", "ä", "ö", "ü", "ß", "é", "ñ", "ж", "я", "料", "理", "x", "beauty", "diy"
    };
    private static final long MIN_EPOCH = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_EPOCH = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    /** One record of each type followed by {@code extra} records of random types, shuffled. */
    List<DataRecord> batch(int extra) {
        List<DataRecord> out = new ArrayList<>();
        for (RecordType t : RecordType.values()) {
            out.add(of(t));
        }
        RecordType[] types = RecordType.values();
        for (int i = 0; i < extra; i++) {
            out.add(of(types[random.nextInt(types.length)]));
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    DataRecord of(RecordType type) {
        return switch (type) {
            case ACCOUNT -> account();
            case POST -> post();
            case COMMENT -> comment();
            case FOLLOWER_SAMPLE -> sample();
            case FOLLOW_EDGE -> edge();
            case FOLLOWER_COUNT -> followerCount();
        };
    }

    Account account() {
        return new Account(
                platform(),
                id(),
                handle(),
                optText(),
                optText(),
                random.nextBoolean() ? null : letters(2).toUpperCase(java.util.Locale.ROOT),
                random.nextBoolean() ? null : letters(2 + random.nextInt(2)),
                count(),
                optCount(),
                optCount(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                optLine(),
                optLine(),
                optLine(),
                optInstant());
    }

    Post post() {
        return new Post(
                platform(),
                id(),
                id(),
                instant(),
                PostFormat.values()[random.nextInt(PostFormat.values().length)],
                random.nextInt(4) == 0 ? null : caption(),
                tags(),
                tags(),
                optCount(),
                optCount(),
                optCount(),
                optCount(),
                optCount(),
                optCount(),
                random.nextBoolean() ? null : random.nextBoolean(),
                optLine());
    }

    Comment comment() {
        return new Comment(
                platform(),
                id(),
                id(),
                random.nextBoolean() ? null : id(),
                handle(),
                random.nextInt(5) == 0 ? "" : text(),
                instant(),
                random.nextBoolean() ? null : id(),
                optCount());
    }

    FollowerSample sample() {
        return new FollowerSample(
                platform(),
                id(),
                id(),
                handle(),
                optText(),
                optText(),
                optCount(),
                optCount(),
                optCount(),
                optBool(),
                optBool(),
                optBool(),
                optLine(),
                optInstant());
    }

    FollowEdge edge() {
        String source = id();
        String target;
        do {
            target = id();
        } while (target.equals(source));
        return new FollowEdge(platform(), id(), source, target);
    }

    FollowerCount followerCount() {
        long day = LocalDate.of(1970, 1, 1).toEpochDay()
                + random.nextInt((int) (LocalDate.of(2100, 1, 1).toEpochDay()));
        return new FollowerCount(platform(), id(), LocalDate.ofEpochDay(day), count());
    }

    private Platform platform() {
        return Platform.values()[random.nextInt(Platform.values().length)];
    }

    /** A required id: trimmed, non-blank; sometimes numeric, sometimes any text. */
    private String id() {
        return switch (random.nextInt(3)) {
            case 0 -> Long.toString(random.nextLong() & Long.MAX_VALUE);
            case 1 -> letters(1 + random.nextInt(12));
            default -> {
                String s;
                do {
                    s = text().strip();
                } while (s.isEmpty() || !s.equals(s.trim()) || hasControl(s));
                yield s;
            }
        };
    }

    /** A handle as the platforms allow them: letters of any script, digits, . _ - and Mastodon's user@host. */
    private String handle() {
        String[] first = {"a", "Z", "0", "_", "ä", "ж", "料"};
        String[] rest = {"a", "Z", "0", "9", "_", ".", "-", "é", "Я", "理", "\u00B7"};
        StringBuilder sb = new StringBuilder(first[random.nextInt(first.length)]);
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(rest[random.nextInt(rest.length)]);
        }
        if (random.nextInt(4) == 0) {
            sb.append('@').append(letters(1 + random.nextInt(8))).append(".social");
        }
        return sb.toString();
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String text() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /** Optional one-line text (addresses, ids): no control characters, as the format requires. */
    private String optLine() {
        String s;
        do {
            s = optText();
        } while (s != null && hasControl(s));
        return s;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private String optText() {
        return random.nextInt(3) == 0 ? null : text();
    }

    private String caption() {
        StringBuilder sb = new StringBuilder(text());
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextBoolean() ? " #" : " @")
                    .append(tag())
                    .append(' ')
                    .append(text());
        }
        return sb.toString();
    }

    private String tag() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(TAG_PIECES[random.nextInt(TAG_PIECES.length)]);
        }
        return sb.toString();
    }

    /** Hashtags or mentions as given by a source (so not necessarily those in the caption): maybe none. */
    private List<String> tags() {
        Set<String> out = new LinkedHashSet<>();
        int n = random.nextInt(3) == 0 ? 0 : random.nextInt(5);
        for (int i = 0; i < n; i++) {
            out.add(tag());
        }
        return List.copyOf(out);
    }

    private long count() {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextInt(100);
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    private Long optCount() {
        return random.nextInt(3) == 0 ? null : count();
    }

    private Boolean optBool() {
        return random.nextInt(3) == 0 ? null : random.nextBoolean();
    }

    private Instant instant() {
        long seconds = MIN_EPOCH + (long) (random.nextDouble() * (MAX_EPOCH - MIN_EPOCH));
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private Instant optInstant() {
        return random.nextBoolean() ? null : instant();
    }
}
