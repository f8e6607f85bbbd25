package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RangeTest {
    @Test
    void boundsAreInclusiveAndNullIsOpen() {
        Range<Long> r = new Range<>(10L, 20L);
        assertThat(r.contains(10L)).isTrue();
        assertThat(r.contains(20L)).isTrue();
        assertThat(r.contains(15L)).isTrue();
        assertThat(r.contains(9L)).isFalse();
        assertThat(r.contains(21L)).isFalse();

        assertThat(Range.atLeast(0.5).contains(0.5)).isTrue();
        assertThat(Range.atLeast(0.5).contains(0.49)).isFalse();
        assertThat(Range.atLeast(0.5).contains(Double.MAX_VALUE)).isTrue();
        assertThat(Range.atMost(0.5).contains(-1.0)).isTrue();
        assertThat(Range.atMost(0.5).contains(0.51)).isFalse();
    }

    @Test
    void aMissingValueMatchesOnlyAnOpenRange() {
        assertThat(Range.<Double>any().contains(null)).isTrue();
        assertThat(Range.atLeast(1.0).contains(null)).isFalse();
        assertThat(Range.<Double>atMost(1.0).contains(null)).isFalse();
    }

    @Test
    void openness() {
        assertThat(Range.<Long>any().isOpen()).isTrue();
        assertThat(new Range<Long>(null, null)).isEqualTo(Range.<Long>any());
        assertThat(Range.atLeast(1L).isOpen()).isFalse();
        assertThat(Range.atMost(1L).isOpen()).isFalse();
    }

    @Test
    void aContradictoryRangeIsEmptyAndSaysWhyInParameterKeys() {
        Range<Long> followers = new Range<>(10L, 1L);
        assertThat(followers.isEmpty()).isTrue();
        assertThat(followers.contains(5L)).isFalse();
        assertThat(followers.contradiction("followers_min", "followers_max"))
                .isEqualTo("followers_min 10 > followers_max 1");
        assertThat(new Range<>(0.5, 0.1).contradiction("er_min", "er_max")).isEqualTo("er_min 0.5 > er_max 0.1");

        assertThat(new Range<>(3L, 3L).isEmpty()).isFalse();
        assertThat(new Range<>(3L, 3L).contradiction("a", "b")).isNull();
        assertThat(Range.atLeast(3L).contradiction("a", "b")).isNull();
        assertThat(Range.<Long>any().isEmpty()).isFalse();
    }
}
