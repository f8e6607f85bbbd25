package io.microreach.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeRatesTest {
    private final ExchangeRates rates = ExchangeRates.defaults();

    @Test
    void shippedRatesAreTheEcbReferenceRatesOfTheirDay() {
        assertThat(rates.date()).isEqualTo(LocalDate.of(2024, 6, 28));
        assertThat(rates.codes()).isEqualTo("CHF, EUR, GBP, USD");
        assertThat(rates.rate("EUR", "USD")).isEqualTo(1.0705);
        assertThat(rates.rate("USD", "EUR")).isCloseTo(1 / 1.0705, within(1e-12));
        // Cross rates go through the euro: 1 GBP = 1.0705 / 0.84638 USD.
        assertThat(rates.rate("GBP", "USD")).isCloseTo(1.264798, within(1e-6));
        assertThat(rates.convert(100, "CHF", "EUR")).isCloseTo(103.799, within(1e-3));
    }

    @Test
    void aConvertedPriceSaysFromWhatAtWhichRateOnWhichDay() {
        PriceRange usd = new PriceRange(700, 1400, "USD", true, "estimate");
        PriceRange eur = rates.convert(usd, "eur");
        assertThat(eur.low()).isEqualTo(653.9);
        assertThat(eur.high()).isEqualTo(1307.8);
        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(eur.estimated()).isTrue();
        assertThat(eur.source()).isEqualTo("estimate");
        assertThat(eur.conversion().describe()).isEqualTo("converted from USD at 0.9341 on 2024-06-28");
        assertThat(rates.convert(eur, "EUR")).isSameAs(eur);
        assertThat(rates.convert(usd, "USD").conversion()).isNull();
    }

    @Test
    void configuredRatesReplaceTheShippedOnesWithTheirDate() {
        ExchangeRates mine = rates.with(Map.of("usd", 1.08, "SEK", 11.2), LocalDate.of(2026, 11, 30), "bank");
        assertThat(mine.rate("EUR", "USD")).isEqualTo(1.08);
        assertThat(mine.rate("EUR", "GBP")).isEqualTo(0.84638);
        assertThat(mine.knows("sek")).isTrue();
        assertThat(mine.convert(new PriceRange(10, 10, "EUR", false, "rate card"), "SEK")
                        .conversion()
                        .describe())
                .isEqualTo("converted from EUR at 11.2000 on 2026-11-30");
    }

    @Test
    void unknownOrBadCurrenciesAndRatesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> rates.convert(1, "USD", "JPY"))
                .hasMessageStartingWith("currency: no exchange rate for JPY; rates are known for CHF, EUR, GBP, USD");
        assertThatThrownBy(() -> rates.convert(1, "dollars", "EUR"))
                .hasMessage("currency: 'dollars' is not a three-letter currency code");
        assertThatThrownBy(() -> rates.with(Map.of("USD", -1.0), null, null))
                .hasMessage("rates.USD: must be a positive number, got -1.0");
    }
}
