package io.microreach.signals.followers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import io.microreach.signals.SampledFollower;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuspiciousShareEstimatorTest {
    /**
     * A hand-made model: only the profile picture and the following/followers ratio matter. No picture → logit 10
     * + 0.1·ratio (flagged), picture → about −10 (not flagged). Validated sensitivity 0.9, specificity 0.95.
     */
    static SuspiciousFollowerModel handModel(int truePositives, int trueNegatives) {
        List<FeatureWeight> features = new ArrayList<>();
        for (String name : FollowerFeatures.NAMES) {
            double weight =
                    name.equals("no_profile_picture") ? 20 : name.equals("following_followers_log_ratio") ? 0.1 : 0;
            double center = name.equals("no_profile_picture") ? 0.5 : 0;
            features.add(new FeatureWeight(name, center, 1, weight));
        }
        return new SuspiciousFollowerModel(
                features,
                0,
                0.5,
                new ModelValidation("hand-made", 100, 100, truePositives, trueNegatives),
                "none",
                LocalDate.of(2026, 1, 1));
    }

    static final SuspiciousShareEstimator ESTIMATOR = new SuspiciousShareEstimator(handModel(90, 95));

    static FollowerSample follower(int i, boolean suspiciousLooking) {
        return new FollowerSample(
                Platform.INSTAGRAM,
                "acc",
                "id" + i,
                "user" + i,
                null,
                null,
                10L,
                1000L - i, // the ratio, and so the probability, falls with i
                (long) i,
                !suspiciousLooking,
                false,
                false,
                null,
                Instant.EPOCH);
    }

    static List<SampledFollower> sample(int n, int suspicious) {
        List<SampledFollower> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SampledFollower.of(follower(i, i < suspicious)));
        }
        return out;
    }

    @Test
    void knownAnswerRoganGladenOnWilsonBounds() {
        SuspiciousShare share = ESTIMATOR.estimate(sample(100, 20));
        assertThat(share.isAvailable()).isTrue();
        assertThat(share.sampleSize()).isEqualTo(100);
        assertThat(share.confidence()).isEqualTo(Confidence.MEDIUM);
        Proportion flagged = share.flagged().orElseThrow();
        assertThat(flagged).isEqualTo(Proportion.wilson(20, 100));
        ShareEstimate e = share.estimate().orElseThrow();
        // (0.2 + 0.95 − 1) / (0.9 + 0.95 − 1) = 0.15 / 0.85
        assertThat(e.share()).isCloseTo(0.15 / 0.85, within(1e-12));
        assertThat(e.low()).isCloseTo((flagged.low() - 0.05) / 0.85, within(1e-12));
        assertThat(e.high()).isCloseTo((flagged.high() - 0.05) / 0.85, within(1e-12));
        assertThat(share.sensitivity()).isEqualTo(0.9);
        assertThat(share.specificity()).isEqualTo(0.95);
        assertThat(share.unavailableReason()).isEmpty();
    }

    @Test
    void aFollowerListedTwiceCountsOnce() {
        List<SampledFollower> twice = new ArrayList<>(sample(300, 40));
        twice.addAll(sample(120, 40)); // the first 120 again, 40 of them suspicious-looking
        SuspiciousShare once = ESTIMATOR.estimate(sample(300, 40));
        SuspiciousShare repeated = ESTIMATOR.estimate(twice);
        assertThat(repeated.sampleSize()).isEqualTo(300);
        assertThat(repeated.flagged()).isEqualTo(once.flagged());
        assertThat(repeated.estimate()).isEqualTo(once.estimate());
        assertThat(repeated.evidenceIds()).isEqualTo(once.evidenceIds());
    }

    @Test
    void evidenceIsTheTopTenFlaggedByProbability() {
        SuspiciousShare share = ESTIMATOR.estimate(sample(60, 15));
        // Lower index → higher ratio → higher probability: followers 0..9 are the most suspicious, in that order.
        assertThat(share.evidenceIds())
                .containsExactly("id0", "id1", "id2", "id3", "id4", "id5", "id6", "id7", "id8", "id9");
        assertThat(share.evidence().get(0).handle()).isEqualTo("user0");
        assertThat(ESTIMATOR.estimate(sample(60, 3)).evidenceIds()).containsExactly("id0", "id1", "id2");
        assertThat(ESTIMATOR.estimate(sample(60, 0)).evidence()).isEmpty();
    }

    @Test
    void belowTheMinimumSampleItIsUnavailableWithAReason() {
        SuspiciousShare share = ESTIMATOR.estimate(sample(29, 10));
        assertThat(share.isAvailable()).isFalse();
        assertThat(share.confidence()).isEqualTo(Confidence.NONE);
        assertThat(share.flagged()).isEmpty();
        assertThat(share.estimate()).isEmpty();
        assertThat(share.unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("29").contains("30"));
        assertThat(ESTIMATOR.estimate(List.of()).unavailableReason()).isPresent();
        assertThat(ESTIMATOR.estimate(sample(30, 10)).confidence()).isEqualTo(Confidence.LOW);
        assertThat(ESTIMATOR.estimate(sample(150, 10)).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void repeatedFollowersCountOnce() {
        List<SampledFollower> followers = new ArrayList<>(sample(30, 6));
        followers.addAll(sample(10, 10)); // same ids id0..id9 again, now looking suspicious
        SuspiciousShare share = ESTIMATOR.estimate(followers);
        assertThat(share.sampleSize()).isEqualTo(30);
        assertThat(share.flagged().orElseThrow().successes()).isEqualTo(6);
    }

    static SampledFollower fieldLess(int i) {
        return SampledFollower.of(new FollowerSample(
                Platform.INSTAGRAM,
                "acc",
                "x" + i,
                "1784140000000" + (1000 + i),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                Instant.EPOCH));
    }

    @Test
    void followersWithoutProfileFieldsGiveUnavailableNotZero() {
        List<SampledFollower> fieldLess = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fieldLess.add(fieldLess(i));
        }
        SuspiciousShare share = new SuspiciousShareEstimator().estimate(fieldLess);
        assertThat(share.isAvailable()).isFalse();
        assertThat(share.confidence()).isEqualTo(Confidence.NONE);
        assertThat(share.sampleSize()).isZero();
        assertThat(share.unscored()).isEqualTo(200);
        assertThat(share.unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("200").contains("counts"));
    }

    @Test
    void aSampleMostlyWithoutFieldsIsAtMostLowConfidence() {
        List<SampledFollower> mixed = new ArrayList<>(sample(150, 30));
        for (int i = 0; i < 151; i++) {
            mixed.add(fieldLess(i));
        }
        SuspiciousShare share = ESTIMATOR.estimate(mixed);
        assertThat(share.isAvailable()).isTrue();
        assertThat(share.sampleSize()).isEqualTo(150);
        assertThat(share.unscored()).isEqualTo(151);
        assertThat(share.confidence()).isEqualTo(Confidence.LOW);
        // The scored followers give the same share as without the field-less ones.
        assertThat(share.estimate())
                .isEqualTo(ESTIMATOR.estimate(sample(150, 30)).estimate());
        assertThat(ESTIMATOR.estimate(sample(150, 30)).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aSampleWithoutAnyBioDoesNotReadAsEmptyBios() {
        // A model in which only an empty bio matters: if the import carries no bios at all, nobody is flagged for it.
        List<FeatureWeight> features = new ArrayList<>();
        for (String name : FollowerFeatures.NAMES) {
            features.add(new FeatureWeight(name, 0, 1, name.equals("empty_bio") ? 20 : 0));
        }
        SuspiciousFollowerModel bioOnly = new SuspiciousFollowerModel(
                features, -10, 0.5, new ModelValidation("hand-made", 100, 100, 90, 95), "none", LocalDate.EPOCH);
        SuspiciousShareEstimator estimator = new SuspiciousShareEstimator(bioOnly);
        assertThat(estimator.estimate(sample(100, 0)).flagged().orElseThrow().successes())
                .isZero();
        // With bios in the import, the empty ones count.
        List<SampledFollower> someBios = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            FollowerSample f = follower(i, false);
            someBios.add(SampledFollower.of(new FollowerSample(
                    f.platform(),
                    f.accountPlatformId(),
                    f.followerPlatformId(),
                    f.handle(),
                    null,
                    i < 40 ? "hello" : null,
                    f.followers(),
                    f.following(),
                    f.postsCount(),
                    f.hasProfilePic(),
                    f.privateAccount(),
                    false,
                    null,
                    Instant.EPOCH)));
        }
        assertThat(estimator.estimate(someBios).flagged().orElseThrow().successes())
                .isEqualTo(60);
    }

    @Test
    void correctionIsClippedToTheUnitInterval() {
        SuspiciousShare none = ESTIMATOR.estimate(sample(200, 0));
        ShareEstimate e = none.estimate().orElseThrow();
        assertThat(e.share()).isZero();
        assertThat(e.low()).isZero();
        // The Wilson upper bound (1.9%) is below the model's false-positive rate (5%): zero flagged is fewer than
        // the model's errors alone would give, and the corrected interval collapses onto 0 (documented limitation).
        assertThat(Proportion.wilson(0, 200).high()).isLessThan(0.05);
        assertThat(e.high()).isZero();
        ShareEstimate small = ESTIMATOR.estimate(sample(30, 0)).estimate().orElseThrow();
        assertThat(small.high()).isCloseTo((Proportion.wilson(0, 30).high() - 0.05) / 0.85, within(1e-12));
        SuspiciousShare all = ESTIMATOR.estimate(sample(200, 200));
        assertThat(all.estimate().orElseThrow().share()).isEqualTo(1.0);
        assertThat(all.estimate().orElseThrow().high()).isEqualTo(1.0);
    }

    @Test
    void aModelNoBetterThanChanceCannotBeCorrectedFor() {
        SuspiciousShare share = new SuspiciousShareEstimator(handModel(50, 52)).estimate(sample(100, 20));
        assertThat(share.isAvailable()).isFalse();
        assertThat(share.flagged()).isPresent();
        assertThat(share.unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("chance"));
    }

    @Test
    void settingsAreValidated() {
        SuspiciousFollowerModel m = handModel(90, 95);
        assertThatThrownBy(() -> new SuspiciousShareEstimator(m, 0, 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuspiciousShareEstimator(m, 50, 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SuspiciousShareEstimator(m, 5, 10, 2)
                        .estimate(sample(8, 4))
                        .evidence())
                .hasSize(2);
    }

    /** Property: the corrected interval brackets the corrected estimate and grows with the flagged count. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void correctedIntervalIsOrderedAndMonotone(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 30 + rng.nextInt(400);
        int se = 55 + rng.nextInt(46);
        int sp = 55 + rng.nextInt(46);
        SuspiciousShareEstimator estimator = new SuspiciousShareEstimator(handModel(se, sp));
        ShareEstimate previous = null;
        for (int k = 0; k <= n; k += 1 + rng.nextInt(7)) {
            ShareEstimate e = estimator.estimate(sample(n, k)).estimate().orElseThrow();
            double expected = Math.max(0, Math.min(1, (k / (double) n + sp / 100.0 - 1) / ((se + sp) / 100.0 - 1)));
            assertThat(e.share()).isCloseTo(expected, within(1e-12));
            assertThat(e.low()).isLessThanOrEqualTo(e.share());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.share());
            if (previous != null) {
                assertThat(e.share()).isGreaterThanOrEqualTo(previous.share());
                assertThat(e.low()).isGreaterThanOrEqualTo(previous.low());
                assertThat(e.high()).isGreaterThanOrEqualTo(previous.high());
            }
            previous = e;
        }
    }
}
