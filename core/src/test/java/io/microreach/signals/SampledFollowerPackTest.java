package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampledFollowerPackTest {
    private static final SampledFollower ANNA =
            new SampledFollower(Platform.INSTAGRAM, "f1", "anna", 300L, null, 1L, true, null, true, 7, 2);

    @Test
    void knownAnswerBytes() {
        byte[] pack = SampledFollowerPack.encode(List.of(ANNA));
        // format 1, one follower; flags: followers (1) + posts (4) + picture known (8) and true (16) + link (128)
        // = 157; 300 zigzag = 600 = varint 0xD8 0x04; posts 1 zigzag = 2; bio 7; words 2; "f1"; "anna"
        assertThat(pack)
                .containsExactly(1, 1, 157 - 256, 0xD8 - 256, 0x04, 2, 7, 2, 2, 'f', '1', 4, 'a', 'n', 'n', 'a');
        assertThat(SampledFollowerPack.decode(Platform.INSTAGRAM, pack)).containsExactly(ANNA);
    }

    @Test
    void noFollowersIsTwoBytes() {
        assertThat(SampledFollowerPack.encode(List.of())).containsExactly(1, 0);
        assertThat(SampledFollowerPack.decode(Platform.TIKTOK, new byte[] {1, 0}))
                .isEmpty();
    }

    @Test
    void thePlatformIsTheAccountsNotStored() {
        byte[] pack = SampledFollowerPack.encode(List.of(ANNA));
        assertThat(SampledFollowerPack.decode(Platform.YOUTUBE, pack).get(0).platform())
                .isEqualTo(Platform.YOUTUBE);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7000L + i);
    }

    /** Property: any list of followers (absent counts and flags, extreme counts, any text) comes back equal. */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsExactly(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SampledFollower> followers = new ArrayList<>();
        int n = rng.nextInt(0, 300);
        for (int i = 0; i < n; i++) {
            followers.add(new SampledFollower(
                    Platform.TWITTER,
                    text(rng),
                    text(rng),
                    count(rng),
                    count(rng),
                    count(rng),
                    flag(rng),
                    flag(rng),
                    rng.nextBoolean(),
                    rng.nextInt(0, 5) == 0 ? rng.nextInt(0, Integer.MAX_VALUE) : rng.nextInt(0, 200),
                    rng.nextInt(0, 6)));
        }
        byte[] pack = SampledFollowerPack.encode(followers);
        assertThat(SampledFollowerPack.decode(Platform.TWITTER, pack)).isEqualTo(followers);
    }

    private static Long count(SplittableRandom rng) {
        return switch (rng.nextInt(0, 6)) {
            case 0 -> null;
            case 1 -> Long.MAX_VALUE;
            case 2 -> Long.MIN_VALUE;
            case 3 -> 0L;
            default -> rng.nextLong(-5, 5_000_000);
        };
    }

    private static Boolean flag(SplittableRandom rng) {
        return switch (rng.nextInt(0, 3)) {
            case 0 -> null;
            case 1 -> true;
            default -> false;
        };
    }

    private static String text(SplittableRandom rng) {
        String[] parts = {"a", "Z", "_", "9", "é", "😀", "ß", "日", " ", "\u0000"};
        StringBuilder s = new StringBuilder();
        int n = rng.nextInt(0, 20);
        for (int i = 0; i < n; i++) {
            s.append(parts[rng.nextInt(parts.length)]);
        }
        return s.toString();
    }

    @Test
    void anotherFormatIsRefusedByNumber() {
        assertThatThrownBy(() -> SampledFollowerPack.decode(Platform.INSTAGRAM, new byte[] {2, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: format 2 at byte 0, expected 1");
    }

    @Test
    void truncatedAndOverlongPacksAreRefusedWithTheOffset() {
        byte[] pack = SampledFollowerPack.encode(List.of(ANNA, ANNA));
        assertThatThrownBy(() -> SampledFollowerPack.decode(Platform.INSTAGRAM, Arrays.copyOf(pack, pack.length - 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: truncated at byte 26 of " + (pack.length - 2));
        assertThatThrownBy(() -> SampledFollowerPack.decode(Platform.INSTAGRAM, Arrays.copyOf(pack, pack.length + 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: 3 bytes left over after 2 followers, at byte " + pack.length);
        assertThatThrownBy(() -> SampledFollowerPack.decode(Platform.INSTAGRAM, new byte[0]))
                .hasMessage("follower pack: truncated at byte 0 of 0");
        byte[] hugeCount = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        assertThatThrownBy(() -> SampledFollowerPack.decode(Platform.INSTAGRAM, hugeCount))
                .hasMessage("follower pack: length 34359738367 out of range at byte 1");
    }
}
