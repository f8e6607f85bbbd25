package io.microreach.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticProfilesTest {

    @Test
    void everyLengthAndDigitCountInstagramAllowsIsReproducedExactly() {
        // Exhaustive over Instagram's range: these two numbers are the classifier features the handle carries.
        for (String seed : List.of("instafake-na-0001", "instafake-labelled-1194", "")) {
            for (int length = 1; length <= 30; length++) {
                for (int digits = 0; digits <= length; digits++) {
                    String handle = SyntheticProfiles.handle(seed, length, digits);
                    assertThat(handle).hasSize(length).matches("[a-z]*[0-9]*");
                    assertThat(handle.chars().filter(Character::isDigit).count())
                            .as("digits of %s", handle)
                            .isEqualTo(digits);
                }
            }
        }
    }

    @Test
    void handlesAreStableAcrossRunsAndDifferBetweenIds() {
        // Pinned: a change here rewrites every converted handle, so imports would stop being idempotent.
        assertThat(SyntheticProfiles.handle("instafake-na-0001", 9, 2)).isEqualTo("aozxxpa17");
        assertThat(SyntheticProfiles.handle("instafake-labelled-0001", 12, 4)).isEqualTo("pqwpuhcc9970");
        Set<String> distinct = new HashSet<>();
        for (int i = 1; i <= 1000; i++) {
            distinct.add(SyntheticProfiles.handle("instafake-na-" + i, 10, 2));
        }
        assertThat(distinct).hasSizeGreaterThan(990);
    }

    @Test
    void impossibleCombinationsAreRefused() {
        assertThatThrownBy(() -> SyntheticProfiles.handle("x", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticProfiles.handle("x", 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticProfiles.bio(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void biosHaveTheRecordedLengthAndNoBlankAtTheEnd() {
        for (int length = 0; length <= 150; length++) {
            String bio = SyntheticProfiles.bio(length);
            assertThat(bio).hasSize(length);
            assertThat(bio).isEqualTo(bio.strip());
        }
        assertThat(SyntheticProfiles.bio(26)).isEqualTo("synthetic bio placeholder.");
    }
}
