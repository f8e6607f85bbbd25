package io.microreach.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ids are unique only because these maps are bijections; checked over many random sizes, salts and keys. */
class ScramblerTest {

    @Test
    void permuteIsABijectionOfItsRange() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 60; trial++) {
            int size = 1 + random.nextInt(3000);
            long salt = random.nextLong();
            Set<Long> seen = new HashSet<>();
            for (long x = 0; x < size; x++) {
                long y = Scrambler.permute(x, size, salt);
                assertThat(y).isBetween(0L, size - 1L);
                seen.add(y);
            }
            assertThat(seen).as("size %d salt %d", size, salt).hasSize(size);
        }
    }

    @Test
    void distinctKeysGiveDistinctBase64AndBase32Encodings() {
        SplittableRandom random = new SplittableRandom(2);
        Set<String> base64 = new HashSet<>();
        Set<String> base32 = new HashSet<>();
        long salt = random.nextLong();
        int n = 200_000;
        for (long x = 0; x < n; x++) {
            // Structured keys (consecutive, high bits set) are the ones ids are made from.
            long key = x % 2 == 0 ? x : (x << 40) | 7;
            long p = Scrambler.permuteBits(key, 64, salt);
            base64.add(PlatformIds.base64(p, 11));
            base32.add(PlatformIds.base32(p, 13));
        }
        assertThat(base64).hasSize(n);
        assertThat(base32).hasSize(n);
    }

    @Test
    void permuteBitsIsInvertibleOnSmallWidths() {
        for (int bits = 1; bits <= 12; bits++) {
            Set<Long> seen = new HashSet<>();
            for (long x = 0; x < (1L << bits); x++) {
                seen.add(Scrambler.permuteBits(x, bits, 0x5EEDL * bits));
            }
            assertThat(seen).hasSize(1 << bits);
        }
    }
}
