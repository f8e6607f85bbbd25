package io.microreach.app.planner;

import io.microreach.pricing.ExchangeRates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The exchange-rate table and the display currency. The shipped rates (ECB reference rates of one stated day) are
 * overridden or extended by {@code microreach.currency.rates.<CODE>} (units per euro) with
 * {@code microreach.currency.rates-date} and {@code microreach.currency.rates-source}; a bad value stops the start with
 * a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
class CurrencyConfiguration {
    @Bean
    ExchangeRates exchangeRates(Environment env) {
        Map<String, Double> overrides;
        try {
            overrides = Binder.get(env)
                    .bind("microreach.currency.rates", Bindable.mapOf(String.class, Double.class))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            throw new IllegalStateException("microreach.currency.rates.*: every rate must be a number of units per"
                    + " euro (" + e.getMessage() + ")");
        }
        String date = env.getProperty("microreach.currency.rates-date", "").strip();
        LocalDate day = null;
        if (!date.isEmpty()) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        "microreach.currency.rates-date: '" + date + "' is not a date like 2026-11-30");
            }
        }
        if (!overrides.isEmpty() && day == null) {
            throw new IllegalStateException("microreach.currency.rates-date: set the day of the rates given in"
                    + " microreach.currency.rates.*, so every conversion can say which day it used");
        }
        String source = env.getProperty("microreach.currency.rates-source", "").strip();
        try {
            return ExchangeRates.defaults()
                    .with(overrides, day, source.isEmpty() ? (day == null ? null : "configured rates") : source);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("microreach.currency." + e.getMessage());
        }
    }

    /** The currency Discover, the creator page and the shortlist show prices in, and the plan form's default. */
    @Bean
    DisplayCurrency displayCurrency(@Value("${microreach.currency.display:USD}") String code, ExchangeRates rates) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!rates.knows(c)) {
            throw new IllegalStateException("microreach.currency.display: no exchange rate for '" + code
                    + "'; rates are known for " + rates.codes());
        }
        return new DisplayCurrency(c);
    }
}
