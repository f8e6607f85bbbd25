package io.microreach.signals.followers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspiciousFollowerModelTest {
    static final FollowerProfile BOT = FollowerProfile.unknown()
            .withCounts(0L, 4L, 2900L)
            .withFlags(false, false, false)
            .withUsername("xkqzt83517")
            .withBioLength(0)
            .withFullNameWords(1);
    static final FollowerProfile PERSON = FollowerProfile.unknown()
            .withCounts(140L, 620L, 540L)
            .withFlags(true, true, false)
            .withUsername("lena.hofmann")
            .withBioLength(48)
            .withFullNameWords(2);

    /** The accounts the issue saw flagged: real, small, inactive (24 followers, 3 posts), digits in the name. */
    static final FollowerProfile SMALL_QUIET_PERSON = FollowerProfile.unknown()
            .withCounts(3L, 24L, 61L)
            .withFlags(true, true, false)
            .withUsername("marco_1987")
            .withBioLength(0)
            .withFullNameWords(1);

    @Test
    void shippedModelLoadsAndSeparatesTheObviousCases() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        assertThat(m.features()).extracting(FeatureWeight::name).isEqualTo(FollowerFeatures.NAMES);
        assertThat(m.threshold()).isBetween(0.05, 0.95);
        assertThat(m.validation().specificity()).isGreaterThanOrEqualTo(0.99);
        assertThat(m.validation().sensitivity()).isGreaterThan(0.5);
        assertThat(m.trainingData()).contains("InstaFake").contains("Kaggle").contains("CC BY-NC");
        assertThat(m.probability(BOT)).isGreaterThan(0.95);
        assertThat(m.probability(PERSON)).isLessThan(0.05);
        assertThat(m.isSuspicious(BOT)).isTrue();
        assertThat(m.isSuspicious(PERSON)).isFalse();
        // Every weight on its allowed side.
        for (int j = 0; j < FollowerFeatures.COUNT; j++) {
            assertThat(m.features().get(j).weight() * FollowerFeatures.SIGNS.get(j))
                    .as(FollowerFeatures.NAMES.get(j))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSmallInactiveGenuineAccountIsNotFlagged() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        assertThat(m.isSuspicious(SMALL_QUIET_PERSON)).isFalse();
        // Neither its size (ten times the counts, same ratio 62/25), nor its few posts, nor the digits in its name
        // move the score.
        assertThat(m.probability(SMALL_QUIET_PERSON.withCounts(300L, 249L, 619L)))
                .isCloseTo(m.probability(SMALL_QUIET_PERSON), within(1e-12));
        assertThat(m.probability(SMALL_QUIET_PERSON.withCounts(0L, 24L, 61L)))
                .isEqualTo(m.probability(SMALL_QUIET_PERSON));
        assertThat(m.probability(SMALL_QUIET_PERSON.withUsername("marco")))
                .isEqualTo(m.probability(SMALL_QUIET_PERSON));
    }

    /**
     * Property: an account is never more suspicious for being smaller. Scaling follower and following counts down by
     * the same factor, or removing posts, never raises the probability.
     */
    @Test
    void smallerIsNeverMoreSuspicious() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(18);
        for (int i = 0; i < 5_000; i++) {
            long followers = rng.nextLong(10_000);
            long following = rng.nextLong(5_000);
            long posts = rng.nextLong(2_000);
            long times = 1 + rng.nextLong(50);
            FollowerProfile small = FollowerProfile.unknown()
                    .withCounts(posts, followers, following)
                    .withFlags(rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean())
                    .withBioLength(rng.nextInt(3));
            FollowerProfile big = small.withCounts(posts * times, followers * times, following * times);
            assertThat(m.probability(small)).as(small + " × " + times).isLessThanOrEqualTo(m.probability(big) + 1e-12);
            assertThat(m.probability(small.withCounts(0L, followers, following)))
                    .isEqualTo(m.probability(small));
        }
    }

    @Test
    void aProfileWithoutCountsIsUnavailableNotGenuine() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        FollowerProfile handleOnly =
                FollowerProfile.unknown().withUsername("someone").withBioLength(0);
        assertThat(m.assess(handleOnly)).isEmpty();
        assertThat(m.isSuspicious(handleOnly)).isFalse();
        assertThat(m.assess(handleOnly.withCounts(null, 10L, null))).isEmpty();
        assertThat(m.assess(BOT)).hasValue(m.probability(BOT));
    }

    @Test
    void contributionsAddUpToTheLogit() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        for (FollowerProfile p : new FollowerProfile[] {BOT, PERSON, SMALL_QUIET_PERSON, FollowerProfile.unknown()}) {
            double z = m.intercept();
            for (double c : m.contributions(p)) {
                z += c;
            }
            assertThat(1 / (1 + Math.exp(-z))).isCloseTo(m.probability(p), within(1e-12));
        }
        // The bot's reasons: its ratio and its missing picture push up, nothing pushes down.
        double[] bot = m.contributions(BOT);
        assertThat(bot[0]).isPositive();
        assertThat(bot[1]).isPositive();
        assertThat(m.contributions(FollowerProfile.unknown())).containsOnly(0.0);
    }

    @Test
    void unknownFeaturesContributeNothing() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        assertThat(m.probability(FollowerProfile.unknown()))
                .isCloseTo(1 / (1 + Math.exp(-m.intercept())), within(1e-12));
        FeatureWeight ratio = m.features().get(0);
        FollowerProfile onlyCounts = FollowerProfile.unknown().withCounts(null, 99L, 999L);
        double z = m.intercept() + ratio.weight() * (Math.log(10) - ratio.center()) / ratio.sd();
        assertThat(m.probability(onlyCounts)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        Path file = dir.resolve("model.json");
        m.save(file);
        SuspiciousFollowerModel back = SuspiciousFollowerModel.load(file);
        assertThat(back.toJson()).isEqualTo(m.toJson());
        assertThat(back.probability(PERSON)).isEqualTo(m.probability(PERSON));
        assertThat(back.trainedOn()).isEqualTo(m.trainedOn());
        assertThat(m.withThreshold(0.9).threshold()).isEqualTo(0.9);
    }

    @Test
    void foreignOrBrokenFilesAreRefused() {
        assertThatThrownBy(() -> read("{\"format\":\"something-else\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format");
        String json = SuspiciousFollowerModel.load().toJson();
        assertThatThrownBy(() -> read(json.replaceFirst("\"threshold\" : [0-9.]+", "\"threshold\" : \"high\"")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> read(json.replace("no_profile_picture", "has_avatar")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no_profile_picture");
    }

    private static SuspiciousFollowerModel read(String json) throws IOException {
        return SuspiciousFollowerModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
