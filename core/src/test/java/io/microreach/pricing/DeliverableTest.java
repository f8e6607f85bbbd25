package io.microreach.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Platform;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliverableTest {
    @Test
    void eachPlatformHasItsOwnFormatsMainOneFirst() {
        assertThat(Deliverable.offeredOn(Platform.INSTAGRAM))
                .containsExactly(Deliverable.POST, Deliverable.REEL, Deliverable.STORY);
        assertThat(Deliverable.offeredOn(Platform.TIKTOK)).containsExactly(Deliverable.VIDEO);
        assertThat(Deliverable.offeredOn(Platform.YOUTUBE)).containsExactly(Deliverable.VIDEO, Deliverable.SHORT);
        assertThat(Deliverable.mainOn(Platform.YOUTUBE)).isEqualTo(Deliverable.VIDEO);
        assertThat(Deliverable.mainOn(Platform.BLUESKY)).isEqualTo(Deliverable.POST);
    }

    @Test
    void youtubeRefusesAReelAndAPost() {
        assertThatThrownBy(() -> Deliverable.parseFor(Platform.YOUTUBE, "reel"))
                .hasMessage("youtube has no reel; it has video, short");
        assertThatThrownBy(() -> Deliverable.parseFor(Platform.YOUTUBE, "post"))
                .hasMessage("youtube has no post; it has video, short");
        assertThatThrownBy(() -> Deliverable.parseFor(Platform.TIKTOK, "tweet"))
                .hasMessage("unknown deliverable 'tweet'; tiktok has video");
        assertThat(Deliverable.parseFor(Platform.YOUTUBE, " Short ")).isEqualTo(Deliverable.SHORT);
    }

    @Test
    void theEstimatorAndThePriceTableRefuseFormatsAPlatformDoesNotHave() {
        PriceEstimator estimator = new PriceEstimator(PriceTable.defaults(), io.microreach.domain.TierBands.DEFAULT);
        assertThatThrownBy(() -> estimator.price(
                        Platform.YOUTUBE, 20_000, Deliverable.REEL, null, null, Optional.<AgreedPrice>empty()))
                .hasMessage("deliverable: youtube has no reel; it has video, short");
        String json = "{\"currency\":\"USD\",\"prices\":{\"youtube\":{\"micro\":{\"reel\":[1,2]}}}}";
        assertThatThrownBy(() ->
                        PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessage("t.json: prices.youtube.micro.reel: youtube has no reel; it has video, short");
        // The shipped table prices every format each platform has, in every tier.
        for (Platform p : Platform.values()) {
            for (io.microreach.domain.Tier t : io.microreach.domain.Tier.values()) {
                for (Deliverable d : Deliverable.values()) {
                    assertThat(PriceTable.defaults().range(p, t, d) != null)
                            .as(p + " " + t + " " + d)
                            .isEqualTo(d.isOfferedOn(p));
                }
            }
        }
    }
}
