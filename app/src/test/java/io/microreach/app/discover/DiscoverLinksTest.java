package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.search.InvalidSearchParameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links that change a search keep everything else the user chose. */
class DiscoverLinksTest {
    private static Map<String, String> state(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aFacetAddsToTheFiltersInForceAndKeepsTheQueryAndBrief() {
        Map<String, String> s =
                state("brief", "organic skincare", "country", "DE", "followers_min", "5,000", "tier", "micro");
        assertThat(DiscoverController.link(DiscoverController.toggled(s, "niche", "clean_beauty")))
                .isEqualTo("/discover?brief=organic+skincare&country=DE&followers_min=5%2C000&tier=micro"
                        + "&niche=clean_beauty");
        assertThat(DiscoverController.toggled(s, "tier", "mid")).containsEntry("tier", "micro,mid");
        assertThat(DiscoverController.toggled(s, "country", "AT")).containsEntry("country", "DE,AT");
    }

    @Test
    void aFacetAlreadyInForceIsTakenOutAndTheLastOneRemovesTheParameter() {
        Map<String, String> s = state("query", "vegan", "tier", "micro,mid", "country", "Germany");
        assertThat(DiscoverController.toggled(s, "tier", "micro")).containsEntry("tier", "mid");
        // The user typed the name; the facet carries the code: both are Germany.
        assertThat(DiscoverController.toggled(s, "country", "DE"))
                .doesNotContainKey("country")
                .containsEntry("query", "vegan");
    }

    @Test
    void linksLeaveOutTheFirstPageAndEncodeEveryValue() {
        assertThat(DiscoverController.link(state("query", "a&b=c #x", "page", "0")))
                .isEqualTo("/discover?query=a%26b%3Dc+%23x");
        assertThat(DiscoverController.link(state("page", "2"))).isEqualTo("/discover?page=2");
        assertThat(DiscoverController.link(Map.of())).isEqualTo("/discover");
    }

    @Test
    void blankFieldsAreNotPartOfTheState() {
        assertThat(DiscoverController.state(state("query", "", "brief", "x", "tier", "")))
                .containsExactly(Map.entry("brief", "x"));
    }

    @Test
    void everyUnusableFieldGetsItsOwnMessage() {
        Map<String, String> form = state(
                "query", "yoga",
                "followers_min", "lots",
                "trust_min", "abc",
                "country", "Atlantis",
                "tier", "micro",
                "sort", "cuteness");
        Map<String, String> errors = DiscoverController.fieldErrors(
                form, new InvalidSearchParameter("followers_min", "'lots' is not a whole number"));
        assertThat(errors).containsOnlyKeys("followers_min", "trust_min", "country", "sort");
        assertThat(errors.get("trust_min")).contains("'abc'", "0 to 100");
        assertThat(errors.get("country")).contains("Atlantis", "Germany");
    }

    @Test
    void aProblemNoSingleFieldHasStaysUnderTheParameterTheSearchNamed() {
        Map<String, String> errors = DiscoverController.fieldErrors(
                state("brief", "fitness"), new InvalidSearchParameter("brief", "semantic search is unavailable"));
        assertThat(errors).containsExactly(Map.entry("brief", "semantic search is unavailable"));
    }
}
