package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.niches.NicheTaxonomy;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private final Labels labels = new Labels(NicheTaxonomy.load());

    @Test
    void nichesReadAsTheTaxonomyNamesThem() {
        assertThat(labels.niche("clean_beauty")).isEqualTo("Clean beauty / natural cosmetics");
        assertThat(labels.niche("personal_development")).isEqualTo("Personal development");
        assertThat(labels.niche("fitness")).isEqualTo("Fitness");
        assertThat(labels.niche("some_new_niche")).isEqualTo("Some new niche");
    }

    @Test
    void tiersCarryTheProductsBands() {
        assertThat(labels.tier("nano")).isEqualTo("Nano (under 5k)");
        assertThat(labels.tier("micro")).isEqualTo("Micro (5k–50k)");
        assertThat(labels.tier("mid")).isEqualTo("Mid (50k–500k)");
        assertThat(labels.tier("macro")).isEqualTo("Macro (500k–1M)");
        assertThat(labels.tier("mega")).isEqualTo("Mega (1M+)");
        assertThat(labels.tierName("micro")).isEqualTo("Micro");
        assertThat(labels.tier("giga")).isEqualTo("Giga");
    }

    @Test
    void platformsCountriesAndLanguagesReadAsNames() {
        assertThat(labels.platform("instagram")).isEqualTo("Instagram");
        assertThat(labels.platform("tiktok")).isEqualTo("TikTok");
        assertThat(labels.platform("youtube")).isEqualTo("YouTube");
        assertThat(labels.country("DE")).isEqualTo("Germany (DE)");
        assertThat(labels.country("gb")).isEqualTo("United Kingdom (GB)");
        assertThat(labels.country("ZZ")).isEqualTo("ZZ");
        assertThat(labels.language("de")).isEqualTo("German (de)");
    }

    @Test
    void ordersAndParametersReadAsTheFormLabelsThem() {
        assertThat(labels.sort("trust")).isEqualTo("Trust score");
        assertThat(labels.sort("er_percentile")).isEqualTo("Engagement percentile");
        assertThat(labels.sort("new_order")).isEqualTo("New order");
        assertThat(labels.parameter("followers_min")).isEqualTo("Followers from");
        assertThat(labels.parameter("reply_rate_min")).isEqualTo("Reply rate at least");
        for (String key : SearchParameters.KEYS) {
            assertThat(labels.parameter(key)).as(key).doesNotContain("_");
        }
    }
}
