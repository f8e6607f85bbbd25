package io.microreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierBandsTest {

    @ParameterizedTest(name = "{0} followers -> {1}")
    @CsvSource({
        "0, NANO",
        "1, NANO",
        "4999, NANO",
        "5000, MICRO",
        "5001, MICRO",
        "49999, MICRO",
        "50000, MID",
        "499999, MID",
        "500000, MACRO",
        "999999, MACRO",
        "1000000, MEGA",
        "9223372036854775807, MEGA"
    })
    void defaultBandEdges(long followers, Tier expected) {
        assertThat(TierBands.DEFAULT.tierOf(followers)).isEqualTo(expected);
    }

    @Test
    void defaultBandsAreTheProductContract() {
        assertThat(TierBands.DEFAULT).isEqualTo(new TierBands(5_000, 50_000, 500_000, 1_000_000));
    }

    @ParameterizedTest(name = "{0} followers -> {1}")
    @CsvSource({
        "0, NANO",
        "9, NANO",
        "10, MICRO",
        "19, MICRO",
        "20, MID",
        "29, MID",
        "30, MACRO",
        "39, MACRO",
        "40, MEGA"
    })
    void customBandEdges(long followers, Tier expected) {
        assertThat(new TierBands(10, 20, 30, 40).tierOf(followers)).isEqualTo(expected);
    }

    @Test
    void narrowestBandsWork() {
        TierBands b = new TierBands(1, 2, 3, 4);
        assertThat(b.tierOf(0)).isEqualTo(Tier.NANO);
        assertThat(b.tierOf(1)).isEqualTo(Tier.MICRO);
        assertThat(b.tierOf(2)).isEqualTo(Tier.MID);
        assertThat(b.tierOf(3)).isEqualTo(Tier.MACRO);
        assertThat(b.tierOf(4)).isEqualTo(Tier.MEGA);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 50000, 500000, 1000000",
        "-1, 50000, 500000, 1000000",
        "5000, 5000, 500000, 1000000",
        "50000, 5000, 500000, 1000000",
        "5000, 50000, 50000, 1000000",
        "5000, 500000, 50000, 1000000",
        "5000, 50000, 1000000, 1000000",
        "5000, 50000, 500000, 499999",
        "4, 3, 2, 1",
        "-4, -3, -2, -1"
    })
    void invalidBandsAreRejected(long micro, long mid, long macro, long mega) {
        assertThatThrownBy(() -> new TierBands(micro, mid, macro, mega))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("micro=" + micro);
    }

    @Test
    void tierIds() {
        assertThat(Tier.NANO.id()).isEqualTo("nano");
        assertThat(Tier.MEGA.id()).isEqualTo("mega");
    }
}
