package io.microreach.app.tracking;

import java.util.Locale;

/** How an order arrived. */
public enum OrderSource {
    /** The generic JSON webhook. */
    GENERIC,
    /** Shopify's order webhook. */
    SHOPIFY,
    /** A CSV upload or {@code microreach campaign orders}. */
    CSV;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
