package io.microreach.signals.commercial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.signals.GeneratedPool;
import io.microreach.signals.conversation.PlantedPool;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Planted truth (docs/generator.md): sponsored posts are exactly the posts with a marker, a code or a link; the
 * sponsored share must be within ±3 percentage points of {@code sponsored_posts / count} on average, the disclosed
 * and paid-label counts must follow the ground truth. The pool is shared with the conversation tests.
 */
class CommercialPlantedTruthTest {
    final List<GeneratedPool.Member> pool = PlantedPool.members();

    @Test
    void sponsoredShareOverAllPostsMatchesThePlantedDeals() {
        SponsorshipDetector all = new SponsorshipDetector(
                SponsorshipMarkers.bundled(), CommercialSettings.DEFAULT.withMaxPosts(Integer.MAX_VALUE));
        double absError = 0;
        int n = 0;
        long sponsored = 0;
        long disclosedFound = 0;
        long disclosedPlanted = 0;
        long undisclosed = 0;
        long paidFound = 0;
        long paidPlanted = 0;
        for (GeneratedPool.Member m : pool) {
            Commercialisation c = all.measure(m.activity());
            JsonNode t = m.truth().get("posts");
            if (!c.available()) {
                continue;
            }
            double truth = t.get("sponsored_posts").asDouble() / t.get("count").asDouble();
            absError += Math.abs(c.sponsoredShare().estimate() - truth);
            n++;
            sponsored += c.sponsoredShare().successes();
            disclosedFound += c.disclosedByMarker();
            disclosedPlanted += t.get("disclosed_sponsored_posts").asLong();
            paidFound += c.paidPartnershipFlag();
            paidPlanted += t.get("paid_partnership_posts").asLong();
            undisclosed += c.undisclosed();
            // Undisclosed deals are the planted sponsored posts without a marker, less those the platform labelled.
            assertThat(c.undisclosed())
                    .as(m.key())
                    .isLessThanOrEqualTo(t.get("sponsored_posts").asInt()
                            - t.get("disclosed_sponsored_posts").asInt());
        }
        System.out.printf(
                Locale.ROOT,
                "sponsored share: %d accounts, mean |error| %.4f; %d sponsored posts, disclosed by marker %d (planted"
                        + " %d), paid label %d (planted %d), undisclosed %d%n",
                n,
                absError / n,
                sponsored,
                disclosedFound,
                disclosedPlanted,
                paidFound,
                paidPlanted,
                undisclosed);
        assertThat(n).isGreaterThan(350);
        assertThat(absError / n).isLessThan(0.03);
        assertThat(disclosedFound).isEqualTo(disclosedPlanted);
        assertThat(paidFound).isEqualTo(paidPlanted);
        assertThat(undisclosed).isPositive();
    }

    @Test
    void theDefaultWindowOfThirtyPostsIsUnbiased() {
        SponsorshipDetector detector = new SponsorshipDetector();
        double signedError = 0;
        double absError = 0;
        int n = 0;
        for (GeneratedPool.Member m : pool) {
            Commercialisation c = detector.measure(m.activity());
            JsonNode t = m.truth().get("posts");
            if (c.available()) {
                double truth =
                        t.get("sponsored_posts").asDouble() / t.get("count").asDouble();
                signedError += c.sponsoredShare().estimate() - truth;
                absError += Math.abs(c.sponsoredShare().estimate() - truth);
                n++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "sponsored share, 30-post window: mean error %+.4f, mean |error| %.4f on %d%n",
                signedError / n,
                absError / n,
                n);
        assertThat(Math.abs(signedError / n)).isLessThan(0.01);
        assertThat(absError / n).isLessThan(0.03);
    }

    @Test
    void partnerBrandsAreThePlantedOnes() {
        SponsorshipDetector detector = new SponsorshipDetector();
        int checked = 0;
        for (GeneratedPool.Member m : pool) {
            Commercialisation c = detector.measure(m.activity());
            if (!c.available() || c.partnerBrands().isEmpty()) {
                continue;
            }
            Set<String> planted = new HashSet<>();
            m.truth()
                    .get("posts")
                    .get("partner_brands")
                    .forEach(b -> planted.add(b.asText().toLowerCase(Locale.ROOT)));
            assertThat(planted).as(m.key()).containsAll(c.partnerBrands());
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }
}
