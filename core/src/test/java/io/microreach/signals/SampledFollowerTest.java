package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampledFollowerTest {
    private static FollowerSample sample(String fullName, String bio, String url) {
        return new FollowerSample(
                Platform.INSTAGRAM,
                "acc",
                "f1",
                "anna_1",
                fullName,
                bio,
                10L,
                null,
                3L,
                true,
                null,
                true,
                url,
                Instant.EPOCH);
    }

    @Test
    void anImportedSampleIsReducedToWhatTheSignalsRead() {
        SampledFollower f = SampledFollower.of(sample(" Anna  Maria ", "  héllo 😀\n", "https://x.example"));
        assertThat(f)
                .isEqualTo(
                        new SampledFollower(Platform.INSTAGRAM, "f1", "anna_1", 10L, null, 3L, true, null, true, 7, 2));
    }

    @Test
    void absentTextsCountAsEmptyAndAbsentLinksAsNone() {
        SampledFollower f = SampledFollower.of(sample(null, null, null));
        assertThat(f.bioLength()).isZero();
        assertThat(f.fullNameWords()).isZero();
        assertThat(f.hasExternalUrl()).isFalse();
        assertThat(SampledFollower.of(sample(" \t", "   ", null)).fullNameWords())
                .isZero();
    }

    @Test
    void negativeLengthsAreRejected() {
        assertThatThrownBy(() ->
                        new SampledFollower(Platform.INSTAGRAM, "f1", "a", null, null, null, null, null, false, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bioLength");
    }
}
