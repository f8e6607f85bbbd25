package io.microreach.signals.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.domain.TierBands;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    @Test
    void defaultBandsAreTheProductContractOnEveryPlatform() {
        TierPolicy policy = TierPolicy.defaults();
        for (Platform p : Platform.values()) {
            assertThat(policy.bandsFor(p)).isEqualTo(TierBands.DEFAULT);
        }
        assertThat(policy.tierOf(Platform.INSTAGRAM, 0)).isEqualTo(Tier.NANO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 4_999)).isEqualTo(Tier.NANO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 5_000)).isEqualTo(Tier.MICRO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 49_999)).isEqualTo(Tier.MICRO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 50_000)).isEqualTo(Tier.MID);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 500_000)).isEqualTo(Tier.MACRO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 999_999)).isEqualTo(Tier.MACRO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 1_000_000)).isEqualTo(Tier.MEGA);
    }

    @Test
    void aPlatformCanHaveItsOwnBandsWithoutChangingTheOthers() {
        TierBands tiktok = new TierBands(10_000, 100_000, 1_000_000, 5_000_000);
        TierPolicy policy = TierPolicy.defaults().withBands(Platform.TIKTOK, tiktok);

        assertThat(policy.tierOf(Platform.TIKTOK, 8_000)).isEqualTo(Tier.NANO);
        assertThat(policy.tierOf(Platform.INSTAGRAM, 8_000)).isEqualTo(Tier.MICRO);
        assertThat(policy.tierOf(Fixtures.account(Platform.TIKTOK, 2_000_000))).isEqualTo(Tier.MACRO);
        assertThat(TierPolicy.defaults().bandsFor(Platform.TIKTOK)).isEqualTo(TierBands.DEFAULT);
        assertThat(policy).isNotEqualTo(TierPolicy.defaults());
        assertThat(TierPolicy.defaults().withBands(Platform.TIKTOK, TierBands.DEFAULT))
                .isEqualTo(TierPolicy.defaults())
                .hasSameHashCodeAs(TierPolicy.defaults());
    }

    @Test
    void negativeFollowersAreRefused() {
        assertThatThrownBy(() -> TierPolicy.defaults().tierOf(Platform.YOUTUBE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
