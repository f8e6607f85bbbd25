package io.microreach.campaigns;

import java.util.Objects;

/** An order with the attribution it received. */
public record AttributedOrder(OrderEvent order, Attribution attribution) {
    public AttributedOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(attribution, "attribution");
    }
}
