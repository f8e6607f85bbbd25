package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FollowerPackTest {
    private static final SampledFollower ANNA =
            new SampledFollower(Platform.INSTAGRAM, "f1", "anna", 300L, null, 1L, true, null, true, 7, 2);
    private static final SampledFollower BEN =
            new SampledFollower(Platform.INSTAGRAM, "f2", "ben", null, null, null, null, false, false, 0, 0);

    private static FollowerPack decode(byte[] pack) {
        return FollowerPack.decode(Platform.INSTAGRAM, "acc", pack);
    }

    @Test
    void knownAnswerBytes() {
        FollowerPack pack = new FollowerPack(
                List.of(ANNA, BEN),
                List.of(
                        new FollowEdge(Platform.INSTAGRAM, "acc", "f1", "f2"),
                        new FollowEdge(Platform.INSTAGRAM, "acc", "f2", "x")),
                List.of(
                        new FollowerCount(Platform.INSTAGRAM, "acc", LocalDate.ofEpochDay(3), 10),
                        new FollowerCount(Platform.INSTAGRAM, "acc", LocalDate.ofEpochDay(4), 9)));
        byte[] bytes = pack.encode();
        assertThat(bytes)
                .containsExactly(
                        1, // format
                        2, // followers
                        // ANNA: flags = followers (1) + posts (4) + picture known (8) and true (16) + link (128) =
                        // 157; 300 zigzag = 600 = varint D8 04; posts 1 zigzag = 2; bio 7; words 2; "f1"; "anna"
                        157 - 256,
                        0xD8 - 256,
                        0x04,
                        2,
                        7,
                        2,
                        2,
                        'f',
                        '1',
                        4,
                        'a',
                        'n',
                        'n',
                        'a',
                        // BEN: private known (32), false; bio 0; words 0; "f2"; "ben"
                        32,
                        0,
                        0,
                        2,
                        'f',
                        '2',
                        3,
                        'b',
                        'e',
                        'n',
                        2, // edges: f1 → f2 as positions 1, 2; f2 → "x", not a sampled follower: 0 then the id
                        1,
                        2,
                        2,
                        0,
                        1,
                        'x',
                        2, // days: day 3 (zigzag 6), 10 followers (20); then +1 day (2), −1 follower (1)
                        6,
                        20,
                        2,
                        1);
        assertThat(decode(bytes)).isEqualTo(pack);
    }

    @Test
    void edgeEndsShareTheirFollowersIdString() {
        FollowerPack pack = new FollowerPack(
                List.of(ANNA, BEN), List.of(new FollowEdge(Platform.INSTAGRAM, "acc", "f1", "f2")), List.of());
        FollowerPack decoded = decode(pack.encode());
        assertThat(decoded.edges().get(0).sourceId())
                .isSameAs(decoded.followers().get(0).followerPlatformId());
        assertThat(decoded.edges().get(0).targetId())
                .isSameAs(decoded.followers().get(1).followerPlatformId());
    }

    @Test
    void anEmptyPackIsFourBytes() {
        assertThat(new FollowerPack(List.of(), List.of(), List.of()).encode()).containsExactly(1, 0, 0, 0);
        assertThat(decode(new byte[] {1, 0, 0, 0})).isEqualTo(new FollowerPack(List.of(), List.of(), List.of()));
    }

    @Test
    void thePlatformAndAccountAreTheReadersNotStored() {
        byte[] bytes = new FollowerPack(
                        List.of(ANNA),
                        List.of(new FollowEdge(Platform.INSTAGRAM, "acc", "f1", "z")),
                        List.of(new FollowerCount(Platform.INSTAGRAM, "acc", LocalDate.EPOCH, 1)))
                .encode();
        FollowerPack decoded = FollowerPack.decode(Platform.YOUTUBE, "chan", bytes);
        assertThat(decoded.followers().get(0).platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(decoded.edges().get(0)).isEqualTo(new FollowEdge(Platform.YOUTUBE, "chan", "f1", "z"));
        assertThat(decoded.history().get(0)).isEqualTo(new FollowerCount(Platform.YOUTUBE, "chan", LocalDate.EPOCH, 1));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7000L + i);
    }

    /**
     * Property: any pack (absent counts and flags, extreme counts, any text, repeated follower ids, edges to ids in
     * and out of the sample, days in any order and far apart) comes back equal.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsExactly(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SampledFollower> followers = new ArrayList<>();
        int n = rng.nextInt(0, 300);
        for (int i = 0; i < n; i++) {
            followers.add(new SampledFollower(
                    Platform.TWITTER,
                    rng.nextInt(0, 20) == 0 && i > 0
                            ? followers.get(rng.nextInt(i)).followerPlatformId()
                            : text(rng),
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
        List<FollowEdge> edges = new ArrayList<>();
        for (int i = rng.nextInt(0, 400); i > 0; i--) {
            String source = end(rng, followers);
            String target = end(rng, followers);
            if (!source.equals(target)) {
                edges.add(new FollowEdge(Platform.TWITTER, "acc", source, target));
            }
        }
        List<FollowerCount> history = new ArrayList<>();
        for (int i = rng.nextInt(0, 120); i > 0; i--) {
            long day = rng.nextInt(0, 10) == 0
                    ? rng.nextLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                    : rng.nextLong(19_000, 21_000);
            long count = rng.nextInt(0, 10) == 0 ? Long.MAX_VALUE - rng.nextInt(0, 3) : rng.nextLong(0, 5_000_000);
            history.add(new FollowerCount(Platform.TWITTER, "acc", LocalDate.ofEpochDay(day), count));
        }
        FollowerPack pack = new FollowerPack(followers, edges, history);
        assertThat(FollowerPack.decode(Platform.TWITTER, "acc", pack.encode())).isEqualTo(pack);
    }

    private static String end(SplittableRandom rng, List<SampledFollower> followers) {
        return followers.isEmpty() || rng.nextInt(0, 8) == 0
                ? "out-" + rng.nextInt(0, 50)
                : followers.get(rng.nextInt(followers.size())).followerPlatformId();
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
        assertThatThrownBy(() -> decode(new byte[] {2, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: format 2 at byte 0, expected 1");
    }

    @Test
    void truncatedOverlongAndInconsistentPacksAreRefusedWithTheOffset() {
        byte[] bytes = new FollowerPack(List.of(ANNA, ANNA), List.of(), List.of()).encode();
        // 2 header bytes, 14 per follower, then the edge and day counts: cut inside the second handle.
        assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, bytes.length - 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: truncated at byte 26 of " + (bytes.length - 4));
        assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, bytes.length + 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follower pack: 3 bytes left over after 2 followers, 0 edges and 0 days, at byte "
                        + bytes.length);
        assertThatThrownBy(() -> decode(new byte[0])).hasMessage("follower pack: truncated at byte 0 of 0");
        assertThatThrownBy(() -> decode(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .hasMessage("follower pack: length 34359738367 out of range at byte 1");
        assertThatThrownBy(() -> decode(new byte[] {1, 0, 1, 3, 1, 0}))
                .hasMessage("follower pack: edge end 3 of 0 followers at byte 3");
    }
}
