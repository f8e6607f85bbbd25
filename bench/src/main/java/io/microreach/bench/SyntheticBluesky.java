package io.microreach.bench;

import java.time.Instant;

/**
 * A Bluesky network computed from a seed, never stored: every account, post, reply and follow is a pure function of
 * (seed, account index, position), so the stand-in serves 10,000 accounts and 300,000 posts in a few kilobytes of
 * memory (plus each account's DID string once formatted) and two runs with the same seed see the same network.
 *
 * <p>Accounts fall into communities of 100 consecutive indexes. An account's followers list starts with the other
 * members of its community, then the accounts outside it in a per-community permutation; its follows list starts
 * with every tenth member of its community, then outsiders. So a creator's follower sample contains follow edges,
 * as real niches do. Follower counts are log-uniform from 300 to 300,000 (about two thirds inside 1k–100k); a
 * post's direct replies come from the creator's community, and the creator answers about three in five of them.
 */
final class SyntheticBluesky {
    static final int COMMUNITY = 100;
    /** The stand-in's "now": the newest post of every account is shortly before it. */
    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private static final String[] NAMES = {
        "Mara 🌱",
        "Jonas",
        "Søren",
        "Aylin 🌶️",
        "Ömer",
        "Chloé",
        "Paweł",
        "Ines",
        "Matteo",
        "Yuki 雪",
        "Hannah",
        "Kofi",
        "Zoë",
        "Björn",
        "Marta",
        "Nadia",
        "Rosa 🌹",
        "Tariq",
        "はな",
        "Luca"
    };
    private static final String[] TOPICS = {
        "Balkongarten",
        "sourdough",
        "bouldering",
        "watercolor",
        "ramen",
        "vinyl",
        "trail running",
        "Keramik",
        "birding",
        "3D printing"
    };

    final int accounts;
    final long seed;
    private final int meanPosts;
    private final String[] dids;

    SyntheticBluesky(int accounts, long posts, long seed) {
        if (accounts < 2) {
            throw new IllegalArgumentException("at least 2 accounts: " + accounts);
        }
        this.accounts = accounts;
        this.seed = seed;
        this.meanPosts = (int) Math.max(2, posts / accounts);
        this.dids = new String[accounts];
    }

    // ---- identity -------------------------------------------------------------------------------------------

    String did(int i) {
        String d = dids[i];
        if (d == null) {
            d = "did:plc:bench" + String.format("%07d", i) + String.format("%012x", hash(i, 1) & 0xffffffffffffL);
            dids[i] = d; // every URI names its author's DID: formatted once per account (a race formats it twice)
        }
        return d;
    }

    String handle(int i) {
        return "creator" + i + ".bench.example";
    }

    /** The account a DID or handle names, or -1. */
    int index(String actor) {
        try {
            if (actor.startsWith("did:plc:bench") && actor.length() == 32) {
                int i = Integer.parseInt(actor.substring(13, 20));
                return i < accounts && actor.equals(did(i)) ? i : -1;
            }
            if (actor.startsWith("creator") && actor.endsWith(".bench.example")) {
                int i = Integer.parseInt(actor.substring(7, actor.length() - ".bench.example".length()));
                return i >= 0 && i < accounts ? i : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    String displayName(int i) {
        return NAMES[(int) (hash(i, 2) % NAMES.length)];
    }

    /** Every seventh account has no bio (the field is absent, as on the real AppView). */
    String description(int i) {
        return i % 7 == 3 ? null : TOPICS[topic(i)] + " & more. Posts from creator " + i + " 🌿";
    }

    int topic(int i) {
        return (int) (hash(i, 3) % TOPICS.length);
    }

    String topicName(int t) {
        return TOPICS[t];
    }

    static int topics() {
        return TOPICS.length;
    }

    // ---- counts ---------------------------------------------------------------------------------------------

    long followersCount(int i) {
        double u = unit(i, 4);
        return Math.round(Math.exp(Math.log(300) + u * (Math.log(300_000) - Math.log(300))));
    }

    long followsCount(int i) {
        return 50 + hash(i, 5) % 150;
    }

    int postsCount(int i) {
        return (int) (meanPosts / 2 + hash(i, 6) % (meanPosts + 1));
    }

    // ---- posts ----------------------------------------------------------------------------------------------

    /** Seconds between two posts of account {@code i}: 6 to 66 hours. */
    private long step(int i) {
        return 3600L * (6 + hash(i, 7) % 60);
    }

    /** When post {@code j} (0 = newest) of account {@code i} was created, to the microsecond. */
    Instant createdAt(int i, int j) {
        long micros = NOW.getEpochSecond() * 1_000_000L - (hash(i, 8) % 3_600_000_000L) - j * step(i) * 1_000_000L;
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
    }

    /** The post index whose creation time is {@code t}, or the first older one. */
    int postAtOrBefore(int i, Instant t) {
        long newest = micros(createdAt(i, 0));
        long diff = newest - micros(t);
        if (diff <= 0) {
            return 0;
        }
        long stepMicros = step(i) * 1_000_000L;
        return (int) Math.min(Integer.MAX_VALUE, (diff + stepMicros - 1) / stepMicros);
    }

    String postUri(int i, int j) {
        return "at://" + did(i) + "/app.bsky.feed.post/" + tid(micros(createdAt(i, j)), i);
    }

    /** The (account, post) an at-URI names, or null. */
    int[] post(String uri) {
        if (!uri.startsWith("at://")) {
            return null;
        }
        int slash = uri.indexOf('/', 5);
        if (slash < 0) {
            return null;
        }
        int i = index(uri.substring(5, slash));
        int rkey = uri.lastIndexOf('/');
        if (i < 0 || rkey < 0) {
            return null;
        }
        long micros = untid(uri.substring(rkey + 1)) >>> 10;
        int j = postAtOrBefore(i, Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000));
        return j < postsCount(i) && uri.equals(postUri(i, j)) ? new int[] {i, j} : null;
    }

    long likes(int i, int j) {
        return hash2(i, j, 1) % 500;
    }

    long reposts(int i, int j) {
        return hash2(i, j, 2) % 40;
    }

    long quotes(int i, int j) {
        return hash2(i, j, 3) % 5;
    }

    /** Direct replies: none on a quarter of the posts, up to 5 on the others, all from the creator's community. */
    int replies(int i, int j) {
        long h = hash2(i, j, 4);
        return h % 4 == 0 ? 0 : (int) Math.min(h % 6, communitySize(i) - 1);
    }

    /** Whether the creator answered direct reply {@code k} of post {@code j}. */
    boolean answered(int i, int j, int k) {
        return hash2(i, j, 100 + k) % 5 < 3;
    }

    /** 0 text, 1 one image, 2 two images, 3 video. */
    int embed(int i, int j) {
        long h = hash2(i, j, 5) % 10;
        return h < 5 ? 0 : h < 8 ? 1 : h < 9 ? 2 : 3;
    }

    String text(int i, int j) {
        return "Post " + j + " about " + TOPICS[topic(i)] + " — día " + (j % 28 + 1) + " ✨ #"
                + TOPICS[topic(i)].replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    String replyUri(int i, int j, int k, boolean byCreator) {
        long micros = micros(createdAt(i, j)) + (k + 1) * 60_000_000L + (byCreator ? 30_000_000L : 0);
        int author = byCreator ? i : follower(i, k);
        return "at://" + did(author) + "/app.bsky.feed.post/" + tid(micros, author);
    }

    // ---- graph ----------------------------------------------------------------------------------------------

    private int communityStart(int i) {
        return i / COMMUNITY * COMMUNITY;
    }

    int communitySize(int i) {
        int start = communityStart(i);
        return Math.min(COMMUNITY, accounts - start);
    }

    /** Length of the followers list the stand-in serves (the count is capped by the network's size). */
    int followersListed(int i) {
        return (int) Math.min(followersCount(i), accounts - 1L);
    }

    int followsListed(int i) {
        return (int) Math.min(followsCount(i), accounts - 1L);
    }

    /** Follower {@code r} of account {@code i}: the other community members first, then outsiders. */
    int follower(int i, int r) {
        int start = communityStart(i);
        int size = communitySize(i);
        if (r < size - 1) {
            return start + (i - start + 1 + r) % size;
        }
        return outsider(i, r - (size - 1), 17);
    }

    /** Follow {@code r} of account {@code k}: every tenth community member, then outsiders. */
    int follow(int k, int r) {
        int start = communityStart(k);
        int size = communitySize(k);
        int inside = (size - 2) / 10;
        if (r < inside) {
            return start + (k - start + 1 + 10 * r) % size;
        }
        return outsider(k, r - inside, 31);
    }

    /** Outsider {@code q} for account {@code i}: a permutation of the accounts outside its community. */
    private int outsider(int i, int q, int salt) {
        int start = communityStart(i);
        int size = communitySize(i);
        long others = accounts - (long) size;
        if (others <= 0) {
            return start + (i - start + 1 + q) % size; // a network of one community: wrap inside it
        }
        long p = coprime(others);
        long idx = Math.floorMod(q * p + (long) i * salt, others);
        return (int) (idx < start ? idx : idx + size);
    }

    private static long coprime(long n) {
        for (long p = 7919; ; p += 2) {
            if (gcd(p, n) == 1) {
                return p;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    // ---- search ---------------------------------------------------------------------------------------------

    /** Whether account {@code i} matches a keyword by its profile (its topic is named in the keyword). */
    boolean profileMatches(int i, String keyword) {
        return keyword.toLowerCase(java.util.Locale.ROOT).contains(TOPICS[topic(i)].toLowerCase(java.util.Locale.ROOT));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static final String S32 = "234567abcdefghijklmnopqrstuvwxyz";

    /** An AT Protocol TID: 53 bits of microseconds and 10 bits of clock id, base32-sortable, 13 characters. */
    static String tid(long micros, int clock) {
        long v = (micros << 10) | (clock & 1023);
        char[] out = new char[13];
        for (int n = 12; n >= 0; n--) {
            out[n] = S32.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    static long untid(String tid) {
        long v = 0;
        for (int n = 0; n < tid.length(); n++) {
            int d = S32.indexOf(tid.charAt(n));
            if (d < 0) {
                return 0;
            }
            v = (v << 5) | d;
        }
        return v;
    }

    private double unit(int i, int salt) {
        return (hash(i, salt) >>> 11) * 0x1.0p-53;
    }

    long hash(int i, int salt) {
        return mix(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + salt) >>> 1;
    }

    private long hash2(int i, int j, int salt) {
        return mix(hash(i, salt) ^ (j * 0x94D049BB133111EBL)) >>> 1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
