package io.microreach.signals.followers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.signals.SampledFollower;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowerFeaturesTest {
    static FollowerSample sample(
            Platform platform,
            String handle,
            String fullName,
            String bio,
            Long followers,
            Long following,
            Long posts,
            Boolean pic,
            Boolean priv,
            String url) {
        return new FollowerSample(
                platform,
                "acc",
                "f-" + handle,
                handle,
                fullName,
                bio,
                followers,
                following,
                posts,
                pic,
                priv,
                false,
                url,
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void instagramSampleBecomesTheDocumentedFeatures() {
        FollowerProfile p = FollowerProfile.of(sample(
                Platform.INSTAGRAM,
                "anna_1992",
                "Anna Maria  Rossi",
                " hi there ",
                300L,
                100L,
                0L,
                true,
                false,
                "https://linktr.ee/anna"));
        assertThat(p.usernameLength()).isEqualTo(9);
        assertThat(p.usernameDigitShare()).isCloseTo(4 / 9.0, within(1e-12));
        assertThat(p.fullNameWords()).isEqualTo(3);
        assertThat(p.bioLength()).isEqualTo(8);
        assertThat(p.hasExternalUrl()).isTrue();

        double[] x = FollowerFeatures.extract(p);
        assertThat(FollowerFeatures.NAMES).hasSize(x.length);
        assertThat(x[0]).isEqualTo(1);
        assertThat(x[1]).isEqualTo(0); // ln(1 + 0 posts)
        assertThat(x[2]).isCloseTo(Math.log(301), within(1e-12));
        assertThat(x[3]).isCloseTo(Math.log(101), within(1e-12));
        assertThat(x[4]).isCloseTo(100 / 400.0, within(1e-12));
        assertThat(x[5]).isEqualTo(9);
        assertThat(x[7]).isCloseTo(Math.log(9), within(1e-12));
        assertThat(x[8]).isEqualTo(0);
        assertThat(x[9]).isEqualTo(1);
        assertThat(x[10]).isEqualTo(3);
    }

    @Test
    void absentTextFieldsAreEmptyButAbsentCountsAndFlagsAreUnknown() {
        FollowerProfile p =
                FollowerProfile.of(sample(Platform.TIKTOK, "bob", null, null, null, null, null, null, null, null));
        assertThat(p.bioLength()).isZero();
        assertThat(p.fullNameWords()).isZero();
        assertThat(p.hasExternalUrl()).isFalse();
        double[] x = FollowerFeatures.extract(p);
        for (int j : new int[] {0, 1, 2, 3, 4, 8}) {
            assertThat(x[j]).as(FollowerFeatures.NAMES.get(j)).isNaN();
        }
        assertThat(x[5]).isEqualTo(3);
        assertThat(x[6]).isZero();
    }

    @Test
    void platformDecorationIsNotPartOfTheUsername() {
        assertThat(FollowerProfile.of(sample(
                                Platform.BLUESKY, "anna22.bsky.social", null, null, 1L, 1L, 1L, true, false, null))
                        .usernameLength())
                .isEqualTo(6);
        assertThat(FollowerProfile.username("@anna", Platform.YOUTUBE)).isEqualTo("anna");
        assertThat(FollowerProfile.username("anna.b", Platform.INSTAGRAM)).isEqualTo("anna.b");
    }

    @Test
    void edgeCasesOfTheTransforms() {
        FollowerProfile none = FollowerProfile.unknown();
        assertThat(java.util.Arrays.stream(FollowerFeatures.extract(none))).allMatch(v -> Double.isNaN(v));
        // Into a reused array: whether anything is known, and nothing left over from the previous profile.
        double[] x = new double[FollowerFeatures.COUNT];
        assertThat(FollowerFeatures.extract(none.withCounts(3L, null, null), x)).isTrue();
        assertThat(x[1]).isEqualTo(Math.log1p(3));
        assertThat(FollowerFeatures.extract(none, x)).isFalse();
        assertThat(java.util.Arrays.stream(x)).allMatch(v -> Double.isNaN(v));
        // Both counts zero: the following share is undefined, not 0 or 1.
        assertThat(FollowerFeatures.extract(none.withCounts(0L, 0L, 0L))[4]).isNaN();
        assertThat(FollowerFeatures.extract(none.withCounts(0L, 0L, 5L))[4]).isEqualTo(1);
        // Long names from other platforms and many-word display names are capped.
        assertThat(FollowerFeatures.extract(none.withUsername("a".repeat(45)))[5])
                .isEqualTo(30);
        assertThat(FollowerFeatures.extract(none.withFullNameWords(9))[10]).isEqualTo(4);
        assertThat(none.withUsername("  ").usernameLength()).isNull();
        assertThat(none.withFullName(" ").fullNameWords()).isZero();
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatThrownBy(() -> FollowerProfile.unknown().withCounts(-1L, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posts");
        assertThatThrownBy(() -> FollowerProfile.unknown().withUsernameShape(5, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usernameDigitShare");
    }

    /** Property against the reference: the one-step profile equals the chain of with* steps it replaced. */
    @Test
    void profileOfASampleEqualsTheStepByStepProfile() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        String[] texts = {
            null, "", "  ", "anna", " Anna Maria  Lopez ", "x9_2", "\uD835\uDC9C1", "jo.ann.bsky.social", "@b0b"
        };
        Boolean[] flags = {null, true, false};
        for (int i = 0; i < 2_000; i++) {
            Platform platform = Platform.values()[rng.nextInt(Platform.values().length)];
            String handle = texts[1 + rng.nextInt(texts.length - 1)];
            if (handle.isBlank()) {
                handle = "h";
            }
            FollowerSample s = sample(
                    platform,
                    handle,
                    texts[rng.nextInt(texts.length)],
                    texts[rng.nextInt(texts.length)],
                    rng.nextBoolean() ? null : (long) rng.nextInt(5000),
                    rng.nextBoolean() ? null : (long) rng.nextInt(5000),
                    rng.nextBoolean() ? null : (long) rng.nextInt(500),
                    flags[rng.nextInt(3)],
                    flags[rng.nextInt(3)],
                    rng.nextBoolean() ? null : "https://x.co");
            FollowerProfile stepByStep = FollowerProfile.unknown()
                    .withCounts(s.postsCount(), s.followers(), s.following())
                    .withFlags(s.hasProfilePic(), s.privateAccount(), s.externalUrl() != null)
                    .withUsername(FollowerProfile.username(s.handle(), s.platform()))
                    .withBio(s.bio())
                    .withFullName(s.fullName());
            assertThat(FollowerProfile.of(s)).as(s.toString()).isEqualTo(stepByStep);
        }
    }

    /** Property against the reference: code points of the stripped bio. */
    @Test
    void bioLengthCountsTheCodePointsOfTheStrippedBio() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 3_000; i++) {
            String bio = io.microreach.signals.TrickyTexts.next(rng, 10);
            String stripped = bio.strip();
            assertThat(SampledFollower.bioLength(bio)).as(bio).isEqualTo(stripped.codePointCount(0, stripped.length()));
        }
        assertThat(SampledFollower.bioLength(null)).isZero();
        assertThat(SampledFollower.bioLength(" \u3000a\uD835\uDC9Cb\n")).isEqualTo(3);
    }
}
