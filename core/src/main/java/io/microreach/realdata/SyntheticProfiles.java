package io.microreach.realdata;

import java.nio.charset.StandardCharsets;

/**
 * Stand-ins for profile text the anonymised sources only describe by length: handles with a given length and digit
 * count, bios of a given length. Deterministic (seeded by the synthetic id) so that re-running a conversion
 * rewrites identical lines and the import stays idempotent.
 */
final class SyntheticProfiles {
    static final String BIO_FILLER = "synthetic bio placeholder ";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private SyntheticProfiles() {}

    /**
     * A lower-case handle of exactly {@code length} characters of which exactly {@code digits} are digits, the
     * digits at the end (the commonest real pattern, as in "anna1994"). Only length and digit share are meant to
     * carry information; the letters are pseudo-random.
     */
    static String handle(String seed, int length, int digits) {
        if (length < 1 || digits < 0 || digits > length) {
            throw new IllegalArgumentException(
                    "need 1 <= length and 0 <= digits <= length, got " + length + "/" + digits);
        }
        long state = fnv1a64(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            state += 0x9E3779B97F4A7C15L;
            long r = mix(state);
            if (i < length - digits) {
                sb.append(LETTERS.charAt((int) Long.remainderUnsigned(r, LETTERS.length())));
            } else {
                sb.append((char) ('0' + Long.remainderUnsigned(r, 10)));
            }
        }
        return sb.toString();
    }

    /** Placeholder text of exactly {@code length} characters; empty for 0. */
    static String bio(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("bio length must not be negative: " + length);
        }
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(BIO_FILLER, 0, Math.min(BIO_FILLER.length(), length - sb.length()));
        }
        // A trailing blank would be lost to any trim on the way to the database, and the length with it.
        if (length > 0 && sb.charAt(length - 1) == ' ') {
            sb.setCharAt(length - 1, '.');
        }
        return sb.toString();
    }

    // Own hash and mixer (FNV-1a, SplitMix64 finaliser) rather than String.hashCode/SplittableRandom, whose
    // output is not promised to stay the same across JDKs; the handles must never change.
    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
