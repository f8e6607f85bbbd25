package io.microreach.generator;

/**
 * Hashing and bijective scrambling of 64-bit keys. Ids must look random yet be unique without remembering which ones
 * were handed out (the generator keeps no global state), so every id is a <em>bijection</em> of a structured key:
 * a keyed permutation of [0, 2^k) built from steps that are each invertible modulo 2^k (xor with a constant,
 * multiplication by an odd constant, xor-shift to the right, addition), extended to any range [0, n) by cycle walking
 * (re-apply until the value falls inside the range, which keeps the map a bijection of [0, n)).
 */
final class Scrambler {
    private static final long[] ODD = {
        0x9E3779B97F4A7C15L, 0xBF58476D1CE4E5B9L, 0x94D049BB133111EBL, 0xD6E8FEB86659FD93L
    };

    private Scrambler() {}

    /** SplitMix64's finaliser: a fast, well-mixing bijection of 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long stream, long a, long b) {
        long h = mix64(seed ^ 0x5DEECE66DL);
        h = mix64(h ^ (stream * 0x9E3779B97F4A7C15L));
        h = mix64(h ^ a);
        return mix64(h ^ (b * 0xC2B2AE3D27D4EB4FL));
    }

    /** A keyed bijection of [0, 2^bits) for 1 <= bits <= 64. */
    static long permuteBits(long x, int bits, long salt) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        int shift = Math.max(1, bits / 2);
        x = (x ^ salt) & mask;
        for (long odd : ODD) {
            x = (x * odd) & mask;
            x ^= x >>> shift;
            x = (x + (salt >>> 7 | 1)) & mask;
        }
        return x;
    }

    /** A keyed bijection of [0, size); {@code x} must lie in that range. */
    static long permute(long x, long size, long salt) {
        if (x < 0 || x >= size) {
            throw new IllegalArgumentException("key " + x + " outside [0, " + size + ")");
        }
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(size - 1));
        long y = permuteBits(x, bits, salt);
        while (Long.compareUnsigned(y, size) >= 0) {
            y = permuteBits(y, bits, salt);
        }
        return y;
    }
}
