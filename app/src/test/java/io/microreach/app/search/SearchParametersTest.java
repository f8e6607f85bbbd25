package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filter values as marketers type them: separators, size suffixes, percentages, country and language names. */
class SearchParametersTest {
    private static SearchFilters parse(String key, String value) {
        return SearchParameters.parse(Map.of(key, value));
    }

    private static InvalidSearchParameter refused(String key, String value) {
        try {
            parse(key, value);
        } catch (InvalidSearchParameter e) {
            return e;
        }
        throw new AssertionError(key + "=" + value + " was accepted");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "5000|5000",
                "5,000|5000",
                "5.000|5000",
                "5 000|5000",
                "5\u00a0000|5000",
                "5'000|5000",
                "5_000|5000",
                "5k|5000",
                "5K|5000",
                "1.2M|1200000",
                "1,2M|1200000",
                "1.25k|1250",
                "1,234,567|1234567",
                "1.234.567|1234567",
                "3 Mio|3000000",
                "50 Tsd|50000",
                "0|0"
            })
    void followerCountsAcceptSeparatorsAndSuffixes(String typed, long expected) {
        assertThat(parse("followers_min", typed).followers().min()).isEqualTo(expected);
        assertThat(parse("followers_max", typed).followers().max()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"lots", "1.5", "10%", "5,00,0", "1.2.3", "5kk", "1e5", "--5", "k"})
    void followerCountsRefuseWhatIsNotAWholeNumberAndSayWhatWorks(String typed) {
        InvalidSearchParameter e = refused("followers_min", typed);
        assertThat(e.parameter()).isEqualTo("followers_min");
        assertThat(e.getMessage())
                .contains("'" + typed + "' is not a whole number")
                .contains("5,000")
                .contains("5k");
    }

    @Test
    void aNegativeCountIsRefusedAsNegative() {
        assertThat(refused("followers_min", "-5").getMessage()).isEqualTo("must be 0 or more, got -5");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "reply_rate_min|10%|0.10",
                "reply_rate_min|0.1|0.10",
                "reply_rate_min|0,1|0.10",
                "reply_rate_min|12.5 %|0.125",
                "suspicious_max|10%|0.10",
                "suspicious_max|0%|0.0",
                "niche_confidence_min|50%|0.5",
                "er_min|3%|0.03",
                "er_min|0.035|0.035",
                "er_max|150%|1.5",
                "er_percentile_min|90%|90",
                "er_percentile_min|90|90",
                "trust_min|60|60",
                "trust_min|72.5|72.5",
                "price_min|1,500|1500",
                "price_min|1.500|1500",
                "price_max|2k|2000",
                "price_max|99.99|99.99"
            })
    void ratesTakePercentagesOrFractionsAndOtherNumbersTheirUsualForms(String key, String typed, double expected) {
        SearchFilters f = parse(key, typed);
        Double got = switch (key) {
            case "reply_rate_min" -> f.replyRate().min();
            case "suspicious_max" -> f.suspicious().max();
            case "niche_confidence_min" -> f.nicheConfidenceMin();
            case "er_min" -> f.er().min();
            case "er_max" -> f.er().max();
            case "er_percentile_min" -> f.erPercentile().min();
            case "trust_min" -> f.trust().min();
            case "price_min" -> f.price().min();
            case "price_max" -> f.price().max();
            default -> throw new AssertionError(key);
        };
        assertThat(got).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theRatesAreTheFractionFilters() {
        assertThat(SearchParameters.KEYS.stream().filter(SearchParameters::isRate))
                .containsExactlyInAnyOrder(
                        "er_min", "er_max", "suspicious_max", "reply_rate_min", "niche_confidence_min");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "reply_rate_min|20|must be between 0% and 100% (a fraction: 0.1 = 10%), got 20",
                "suspicious_max|150%|must be between 0% and 100% (a fraction: 0.1 = 10%), got 150%",
                "reply_rate_min|high|'high' is not understood; give a fraction such as 0.1 or a percentage such as 10%",
                "trust_min|60%|'60%' is not understood; give a score from 0 to 100",
                "trust_min|101|must be between 0 and 100, got 101",
                "er_percentile_min|abc|'abc' is not understood; give a percentile from 0 to 100",
                "price_min|€500|'€500' is not understood; give an amount such as 500 or 1,500",
                "price_min|5%|'5%' is not understood; give an amount such as 500 or 1,500"
            })
    void numbersOutsideTheirScaleNameTheFieldAndWhatIsAccepted(String key, String typed, String message) {
        InvalidSearchParameter e = refused(key, typed);
        assertThat(e.parameter()).isEqualTo(key);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DE|DE",
                "de|DE",
                "Germany|DE",
                "germany|DE",
                "Deutschland|DE",
                "Allemagne|DE",
                "Alemania|DE",
                "Germania|DE",
                "DEU|DE",
                " Germany |DE",
                "Österreich|AT",
                "Oesterreich|AT",
                "Osterreich|AT",
                "Schweiz|CH",
                "UK|GB",
                "United Kingdom|GB",
                "Großbritannien|GB",
                "USA|US",
                "United States|US",
                "Vereinigte Staaten|US",
                "Frankreich|FR",
                "España|ES",
                "Holland|NL",
                "Niederlande|NL"
            })
    void countriesTakeNamesInSeveralLanguagesAndCodes(String typed, String code) {
        assertThat(parse("country", typed).countries()).containsExactly(code);
    }

    @Test
    void severalCountriesMayBeListed() {
        assertThat(parse("country", "Germany, Österreich,CH").countries()).containsExactlyInAnyOrder("DE", "AT", "CH");
    }

    @Test
    void anUnknownCountrySaysWhatIsAccepted() {
        InvalidSearchParameter e = refused("country", "Atlantis");
        assertThat(e.parameter()).isEqualTo("country");
        assertThat(e.getMessage())
                .isEqualTo("'Atlantis' is not a country we know; type its name (Germany, Deutschland) or its two-letter"
                        + " code (DE)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"de|de", "DE|de", "German|de", "Deutsch|de", "allemand|de", "deu|de", "pt-BR|pt-br", "English|en"})
    void languagesTakeNamesAndCodes(String typed, String code) {
        assertThat(parse("language", typed).languages()).containsExactly(code);
    }

    @Test
    void anUnknownLanguageSaysWhatIsAccepted() {
        assertThatThrownBy(() -> parse("language", "Klingonish"))
                .isInstanceOf(InvalidSearchParameter.class)
                .hasMessageContaining("'Klingonish' is not a language we know")
                .hasMessageContaining("German, Deutsch");
    }

    @Test
    void theDocumentedApiFormsStillWork() {
        SearchFilters f = SearchParameters.parse(Map.of(
                "followers_min", "1000",
                "followers_max", "50000",
                "er_min", "0.03",
                "suspicious_max", "0.1",
                "reply_rate_min", "0.2",
                "trust_min", "60",
                "country", "DE,AT",
                "language", "de",
                "tier", "micro",
                "platform", "instagram"));
        assertThat(f.followers()).isEqualTo(new Range<>(1000L, 50000L));
        assertThat(f.er().min()).isEqualTo(0.03);
        assertThat(f.suspicious().max()).isEqualTo(0.1);
        assertThat(f.replyRate().min()).isEqualTo(0.2);
        assertThat(f.trust().min()).isEqualTo(60.0);
        assertThat(f.countries()).containsExactlyInAnyOrder("DE", "AT");
        assertThat(f.languages()).containsExactly("de");
        assertThat(f.tiers()).containsExactly("micro");
        assertThat(f.platforms()).containsExactly("instagram");
    }

    @Test
    void queriesAndBriefsHaveADocumentedMaximumLength() {
        String longQuery = "a".repeat(SearchRequest.MAX_QUERY_LENGTH + 1);
        assertThatThrownBy(() -> SearchRequest.of(longQuery, null, null, 10))
                .isInstanceOf(InvalidSearchParameter.class)
                .hasMessage("at most 500 characters, got 501; shorten it to the words that matter most")
                .extracting(e -> ((InvalidSearchParameter) e).parameter())
                .isEqualTo("query");
        assertThatThrownBy(() -> SearchRequest.of(null, "b".repeat(10_000), null, 10))
                .hasMessage("at most 2,000 characters, got 10,000; shorten it to the words that matter most");
        assertThat(SearchRequest.of("a".repeat(500), "b".repeat(2000), null, 10).query())
                .hasSize(500);
    }
}
