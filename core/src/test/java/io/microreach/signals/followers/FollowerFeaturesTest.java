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
        assertThat(FollowerFeatures.SIGNS).hasSize(x.length);
        assertThat(x[0]).isZero(); // follows 100, followed by 300: below 0, clipped to 0
        assertThat(x[1]).isZero(); // has a picture
        assertThat(x[2]).isZero(); // has a bio
        assertThat(x[3]).isEqualTo(1); // has a link
        assertThat(FollowerFeatures.scorable(p)).isTrue();
        // Follows 2,900, followed by 40: ln(2901 / 41).
        FollowerProfile bot =
                p.withCounts(0L, 40L, 2900L).withFlags(false, null, false).withBioLength(0);
        assertThat(FollowerFeatures.extract(bot))
                .containsExactly(new double[] {Math.log(2901 / 41.0), 1, 1, 0}, within(1e-12));
    }

    @Test
    void absentTextFieldsAreEmptyButAbsentCountsAndFlagsAreUnknown() {
        FollowerProfile p =
                FollowerProfile.of(sample(Platform.TIKTOK, "bob", null, null, null, null, null, null, null, null));
        assertThat(p.bioLength()).isZero();
        assertThat(p.fullNameWords()).isZero();
        assertThat(p.hasExternalUrl()).isFalse();
        double[] x = FollowerFeatures.extract(p);
        assertThat(x[0]).isNaN();
        assertThat(x[1]).isNaN();
        assertThat(x[2]).isEqualTo(1);
        // Without its counts the profile cannot be judged, whatever else is known.
        assertThat(FollowerFeatures.scorable(p)).isFalse();
        assertThat(FollowerFeatures.extract(p, new double[FollowerFeatures.COUNT]))
                .isFalse();
    }

    @Test
    void aPlatformIdUsedAsHandleIsNotAUsername() {
        for (String id : new String[] {"17841400000000000", "user12345678", "id_4829301", "1234567", "U-9999999"}) {
            FollowerProfile p =
                    FollowerProfile.of(sample(Platform.INSTAGRAM, id, null, null, 10L, 10L, 1L, true, false, null));
            assertThat(p.usernameLength()).as(id).isNull();
            assertThat(p.usernameDigitShare()).as(id).isNull();
            assertThat(FollowerProfile.unknown().withUsername(id).usernameDigitShare())
                    .as(id)
                    .isNull();
        }
        for (String name : new String[] {"anna_1992", "marco.rossi.1987", "sunny_days_123456", "xkqzt83517", "12345"}) {
            assertThat(FollowerProfile.unknown().withUsername(name).usernameDigitShare())
                    .as(name)
                    .isNotNull();
        }
        assertThat(FollowerProfile.isPlatformId("ab12345")).isFalse();
        assertThat(FollowerProfile.isPlatformId("abc123456")).isTrue();
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
        // Into a reused array: whether the profile is scorable, and nothing left over from the previous profile.
        double[] x = new double[FollowerFeatures.COUNT];
        assertThat(FollowerFeatures.extract(none.withCounts(3L, 7L, 7L), x)).isTrue();
        assertThat(x[0]).isZero();
        assertThat(FollowerFeatures.extract(none, x)).isFalse();
        assertThat(java.util.Arrays.stream(x)).allMatch(v -> Double.isNaN(v));
        // Both counts zero: ln(1/1) = 0, known; one count unknown: unknown.
        assertThat(FollowerFeatures.extract(none.withCounts(0L, 0L, 0L))[0]).isZero();
        assertThat(FollowerFeatures.extract(none.withCounts(0L, null, 5L))[0]).isNaN();
        // Capped at 6 (about 400 times as many followed as following).
        assertThat(FollowerFeatures.extract(none.withCounts(0L, 0L, 7_500L))[0]).isEqualTo(FollowerFeatures.RATIO_CAP);
        assertThat(FollowerFeatures.extract(none.withCounts(0L, 0L, 300L))[0]).isCloseTo(Math.log(301), within(1e-12));
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
