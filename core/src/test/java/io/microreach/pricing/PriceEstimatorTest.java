package io.microreach.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Platform;
import io.microreach.domain.TierBands;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceEstimatorTest {
    private final PriceEstimator estimator = new PriceEstimator(PriceTable.defaults(), TierBands.DEFAULT);

    @Test
    void rateCardWinsAndIsNotEstimated() {
        PriceRange p =
                estimator.price(Platform.INSTAGRAM, 20_000, Deliverable.POST, 0.05, 0.03, Optional.of(250.0), "EUR");
        assertThat(p).isEqualTo(new PriceRange(250, 250, "EUR", false, "rate card"));
    }

    @Test
    void estimatesFollowTheRulesOfThumbAndAreRanges() {
        // Bottom of the micro band at peer-median engagement: the table's low end, -30%/+40%.
        PriceRange bottom =
                estimator.price(Platform.INSTAGRAM, 5_000, Deliverable.POST, 0.03, 0.03, Optional.empty(), "USD");
        assertThat(bottom.estimated()).isTrue();
        assertThat(bottom.low()).isEqualTo(70.0);
        assertThat(bottom.high()).isEqualTo(140.0);
        PriceRange top =
                estimator.price(Platform.INSTAGRAM, 49_999, Deliverable.POST, 0.03, 0.03, Optional.empty(), "USD");
        assertThat(top.mid()).isGreaterThan(bottom.mid() * 4);
        // Better engagement costs more, less than proportionally; a story costs less than a post.
        PriceRange engaged =
                estimator.price(Platform.INSTAGRAM, 5_000, Deliverable.POST, 0.12, 0.03, Optional.empty(), "USD");
        assertThat(engaged.mid()).isEqualTo(bottom.mid() * 2);
        PriceRange story =
                estimator.price(Platform.INSTAGRAM, 5_000, Deliverable.STORY, 0.03, 0.03, Optional.empty(), "USD");
        assertThat(story.mid()).isLessThan(bottom.mid());
    }

    @Test
    void knownAnswersWithTheirBasis() {
        // Bottom of the YouTube mid band (log placement t = 0): the video row's low end 1,000 USD, engagement at twice
        // the peer median gives ×√2 (elasticity 0.5), then −30%/+40%.
        PriceRange video =
                estimator.price(Platform.YOUTUBE, 50_000, Deliverable.VIDEO, 0.06, 0.03, Optional.<AgreedPrice>empty());
        assertThat(video.low()).isEqualTo(989.95);
        assertThat(video.high()).isEqualTo(1979.9);
        assertThat(video.source())
                .isEqualTo("estimate from followers and engagement: youtube mid video 1000–10000 USD, engagement ×1.41,"
                        + " range −30%/+40%");
        PriceRange negotiated = estimator.price(
                Platform.YOUTUBE,
                50_000,
                Deliverable.SHORT,
                0.06,
                0.03,
                Optional.of(new AgreedPrice(300, "EUR", true, java.time.LocalDate.of(2026, 11, 1), null)));
        assertThat(negotiated)
                .isEqualTo(new PriceRange(300, 300, "EUR", false, "negotiated price, valid from 2026-11-01"));
    }

    @Test
    void badTableNamesTheField() {
        String json = "{\"currency\":\"USD\",\"prices\":{\"instagram\":{\"micro\":{\"post\":[5,1]}}}}";
        assertThatThrownBy(() ->
                        PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessageContaining("prices.instagram.micro.post");
        String noCurrency = "{\"prices\":{}}";
        assertThatThrownBy(() -> PriceTable.read(
                        new ByteArrayInputStream(noCurrency.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessageContaining("currency");
    }
}
