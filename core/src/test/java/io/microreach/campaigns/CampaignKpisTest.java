package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignKpisTest {

    @Test
    void knownAnswers() {
        CampaignKpis k =
                CampaignKpis.of(new BigDecimal("500"), 40_000, false, 2_000, 250, 200, 10, new BigDecimal("1250"));
        assertThat(k.cpe()).isCloseTo(0.25, within(1e-12));
        assertThat(k.cpm()).isCloseTo(12.5, within(1e-12));
        assertThat(k.cpc()).isCloseTo(2.0, within(1e-12));
        assertThat(k.cpa()).isCloseTo(50.0, within(1e-12));
        assertThat(k.roas()).isCloseTo(2.5, within(1e-12));
        assertThat(k.roi()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void zeroDenominatorsGiveNoValueNeverNanOrInfinity() {
        CampaignKpis nothing = CampaignKpis.of(BigDecimal.ZERO, 0, false, 0, 0, 0, 0, new BigDecimal("80"));
        assertThat(nothing.cpe()).isNull();
        assertThat(nothing.cpm()).isNull();
        assertThat(nothing.cpc()).isNull();
        assertThat(nothing.cpa()).isNull();
        assertThat(nothing.roas()).isNull();
        assertThat(nothing.roi()).isNull();
        CampaignKpis noOrders = CampaignKpis.of(new BigDecimal("300"), 1000, true, 50, 0, 0, 0, BigDecimal.ZERO);
        assertThat(noOrders.cpa()).isNull();
        assertThat(noOrders.cpc()).isNull();
        assertThat(noOrders.roas()).isEqualTo(0.0);
        assertThat(noOrders.roi()).isEqualTo(-1.0);
        assertThat(CampaignKpis.ZERO.roi()).isNull();
    }

    @Test
    void derivedValuesAlwaysFollowTheCounts() {
        CampaignKpis k = new CampaignKpis(
                new BigDecimal("100"),
                1000,
                false,
                10,
                5,
                5,
                2,
                new BigDecimal("300"),
                99.0,
                99.0,
                99.0,
                99.0,
                99.0,
                99.0);
        assertThat(k.cpe()).isEqualTo(10.0);
        assertThat(k.roi()).isEqualTo(2.0);
        assertThatThrownBy(() -> CampaignKpis.of(BigDecimal.ONE, 0, false, 0, 1, 2, 0, BigDecimal.ONE))
                .hasMessageContaining("uniqueClicks");
        assertThatThrownBy(() -> CampaignKpis.of(new BigDecimal("-1"), 0, false, 0, 0, 0, 0, BigDecimal.ONE))
                .hasMessageContaining("spend");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plusEqualsTheKpisOfTheSums(long seed) {
        Random r = new Random(seed);
        CampaignKpis a = random(r);
        CampaignKpis b = random(r);
        CampaignKpis sum = a.plus(b);
        CampaignKpis reference = CampaignKpis.of(
                a.spend().add(b.spend()),
                a.impressions() + b.impressions(),
                a.impressionsEstimated() || b.impressionsEstimated(),
                a.engagements() + b.engagements(),
                a.clicks() + b.clicks(),
                a.uniqueClicks() + b.uniqueClicks(),
                a.conversions() + b.conversions(),
                a.revenue().add(b.revenue()));
        assertThat(sum).isEqualTo(reference);
        assertThat(a.plus(CampaignKpis.ZERO)).isEqualTo(a);
        if (sum.spend().signum() > 0) {
            double roi = (sum.revenue().doubleValue() - sum.spend().doubleValue())
                    / sum.spend().doubleValue();
            assertThat(sum.roi()).isCloseTo(roi, within(1e-9));
        }
    }

    private static CampaignKpis random(Random r) {
        long clicks = r.nextInt(3) == 0 ? 0 : r.nextInt(5000);
        return CampaignKpis.of(
                BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(100_000), 2),
                r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000),
                r.nextBoolean(),
                r.nextInt(3) == 0 ? 0 : r.nextInt(50_000),
                clicks,
                clicks == 0 ? 0 : r.nextInt((int) clicks + 1),
                r.nextInt(3) == 0 ? 0 : r.nextInt(200),
                BigDecimal.valueOf(r.nextInt(500_000), 2));
    }
}
