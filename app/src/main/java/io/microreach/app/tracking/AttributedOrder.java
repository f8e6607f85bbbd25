package io.microreach.app.tracking;

import io.microreach.campaigns.Attribution;
import io.microreach.campaigns.OrderEvent;

/** A stored order with the credit it got at arrival. */
public record AttributedOrder(OrderEvent order, Attribution attribution) {}
