package io.microreach.generator;

import io.microreach.domain.Platform;
import java.time.Instant;

/**
 * Platform-style ids for accounts, posts and comments, each a {@link Scrambler} bijection of a structured key so that
 * ids are unique per platform by construction and look like the real thing:
 *
 * <ul>
 *   <li>Instagram: numeric user ids of 11 digits, 11-character base64url post shortcodes, 17-digit comment ids;
 *   <li>TikTok: 19-digit numeric user, video and comment ids;
 *   <li>YouTube: channel ids {@code UC} + 22 base64url characters (the last one from the four values a 128-bit id
 *       allows), 11-character video ids, comment ids {@code Ugz...4AaABAg} and reply ids {@code parent.xxxx};
 *   <li>Bluesky: {@code did:plc:} + 24 base32 characters, posts and replies as {@code at://} URIs whose record key is
 *       a TID (time-ordered base32-sortable id).
 * </ul>
 *
 * Account keys carry the kind of account in their top bits (creator account, audience member, bot) so that the three
 * populations never collide.
 */
final class PlatformIds {
    static final int KIND_CREATOR = 0;
    static final int KIND_PERSON = 1;
    static final int KIND_BOT = 2;
    private static final int KIND_SHIFT = 34;

    private static final char[] BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final char[] BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] YOUTUBE_LAST_OF_CHANNEL = {'A', 'Q', 'g', 'w'};
    private static final char[] YOUTUBE_LAST_OF_VIDEO = "AEIMQUYcgkosw048".toCharArray();

    private static final long INSTAGRAM_USER_BASE = 10_000_000_000L;
    private static final long INSTAGRAM_USER_RANGE = 90_000_000_000L;
    private static final long INSTAGRAM_COMMENT_BASE = 17_900_000_000_000_000L;
    private static final long TIKTOK_USER_BASE = 6_000_000_000_000_000_000L;
    private static final long TIKTOK_VIDEO_BASE = 7_000_000_000_000_000_000L;
    private static final long TIKTOK_COMMENT_BASE = 7_200_000_000_000_000_000L;

    /** Posts per account and comments per post are bounded by the bits their index gets in the keys. */
    static final int POST_INDEX_BITS = 17;

    static final int COMMENT_INDEX_BITS = 12;

    private final long salt;

    PlatformIds(long seed) {
        this.salt = Scrambler.mix64(seed ^ 0x1D5L);
    }

    static long accountKey(int kind, long index) {
        return ((long) kind << KIND_SHIFT) | index;
    }

    static long creatorAccountIndex(int creatorIndex, int slot) {
        return 2L * creatorIndex + slot;
    }

    static long postKey(long creatorAccountIndex, int postIndex) {
        return (creatorAccountIndex << POST_INDEX_BITS) | postIndex;
    }

    static long commentKey(long postKey, int commentIndex) {
        return (postKey << COMMENT_INDEX_BITS) | commentIndex;
    }

    String account(Platform platform, long accountKey) {
        return switch (platform) {
            case INSTAGRAM ->
                Long.toString(INSTAGRAM_USER_BASE + Scrambler.permute(accountKey, INSTAGRAM_USER_RANGE, salt));
            case TIKTOK -> Long.toString(TIKTOK_USER_BASE + Scrambler.permute(accountKey, 1L << 60, salt ^ 1));
            case YOUTUBE ->
                "UC"
                        + base64(Scrambler.permuteBits(accountKey, 64, salt ^ 2), 11)
                        + base64(Scrambler.mix64(accountKey ^ salt ^ 3), 10)
                        + YOUTUBE_LAST_OF_CHANNEL[(int) (Scrambler.mix64(accountKey ^ salt ^ 4) & 3)];
            case BLUESKY ->
                "did:plc:"
                        + base32(Scrambler.permuteBits(accountKey, 64, salt ^ 5), 13)
                        + base32(Scrambler.mix64(accountKey ^ salt ^ 6), 11);
            case TWITTER, MASTODON ->
                throw new IllegalArgumentException("the generator does not produce " + platform.id() + " data");
        };
    }

    /** The post id; for Bluesky the full {@code at://} URI of the post in its author's repository. */
    String post(Platform platform, long postKey, String authorId, Instant publishedAt) {
        return switch (platform) {
            case INSTAGRAM -> base64(Scrambler.permuteBits(postKey, 64, salt ^ 7), 11);
            case TIKTOK -> Long.toString(TIKTOK_VIDEO_BASE + Scrambler.permute(postKey, 1L << 60, salt ^ 8));
            case YOUTUBE -> {
                long v = Scrambler.permuteBits(postKey, 64, salt ^ 9);
                yield base64(v, 10) + YOUTUBE_LAST_OF_VIDEO[(int) (v & 15)];
            }
            case BLUESKY -> "at://" + authorId + "/app.bsky.feed.post/" + tid(publishedAt, postKey ^ salt);
            case TWITTER, MASTODON ->
                throw new IllegalArgumentException("the generator does not produce " + platform.id() + " data");
        };
    }

    /**
     * The comment id. YouTube replies extend their top-level comment's id; Bluesky replies are posts in the
     * commenter's own repository.
     */
    String comment(Platform platform, long commentKey, String topLevelId, String authorId, Instant createdAt) {
        return switch (platform) {
            case INSTAGRAM ->
                Long.toString(INSTAGRAM_COMMENT_BASE + Scrambler.permute(commentKey, 1L << 54, salt ^ 10));
            case TIKTOK -> Long.toString(TIKTOK_COMMENT_BASE + Scrambler.permute(commentKey, 1L << 60, salt ^ 11));
            case YOUTUBE -> {
                String own = base64(Scrambler.permuteBits(commentKey, 64, salt ^ 12), 11)
                        + base64(Scrambler.mix64(commentKey ^ salt ^ 13), 11);
                yield topLevelId == null
                        ? "Ug" + "xyzw".charAt((int) (Scrambler.mix64(commentKey ^ salt) & 3)) + own.substring(0, 16)
                                + "4AaABAg"
                        : topLevelId + "." + own;
            }
            case BLUESKY -> "at://" + authorId + "/app.bsky.feed.post/" + tid(createdAt, commentKey ^ salt ^ 14);
            case TWITTER, MASTODON ->
                throw new IllegalArgumentException("the generator does not produce " + platform.id() + " data");
        };
    }

    /** A stable key of 8 base32 characters for the person behind the accounts of creator {@code index}. */
    String creatorKey(int index) {
        return "cr-" + base32(Scrambler.permute(index, 1L << 40, salt ^ 15) << 24, 8);
    }

    /**
     * A Bluesky TID: microseconds since the epoch shifted left by 10 bits plus a 10-bit clock id, in 13 base32-sortable
     * characters. The sub-second part and the clock id come from the key, which keeps TIDs of one repository apart.
     */
    static String tid(Instant time, long key) {
        long mixed = Scrambler.mix64(key);
        long micros = time.getEpochSecond() * 1_000_000L + Math.floorMod(mixed, 1_000_000L);
        long value = (micros << 10) | (mixed >>> 54);
        value &= Long.MAX_VALUE;
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = BASE32_SORTABLE[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(out);
    }

    /** The top {@code 6 * chars} bits of {@code value} (left-aligned) in base64url; 11 characters hold all 64. */
    static String base64(long value, int chars) {
        char[] out = new char[chars];
        // 11 characters carry 66 bits: the last one holds only the lowest 4 bits of the value.
        int totalBits = 6 * chars;
        for (int i = 0; i < chars; i++) {
            int shift = 64 - totalBits + 6 * (chars - 1 - i);
            long part = shift >= 0 ? value >>> shift : value << -shift;
            out[i] = BASE64URL[(int) (part & 63)];
        }
        return new String(out);
    }

    /** The top {@code 5 * chars} bits of {@code value} in base32 (a–z, 2–7); 13 characters hold all 64. */
    static String base32(long value, int chars) {
        char[] out = new char[chars];
        int totalBits = 5 * chars;
        for (int i = 0; i < chars; i++) {
            int shift = 64 - totalBits + 5 * (chars - 1 - i);
            long part = shift >= 0 ? value >>> shift : value << -shift;
            out[i] = BASE32[(int) (part & 31)];
        }
        return new String(out);
    }
}
