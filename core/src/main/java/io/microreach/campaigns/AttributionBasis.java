package io.microreach.campaigns;

/** Why an order went to a creator, or why to nobody. */
public enum AttributionBasis {
    /** The order carries the creator's promo code. */
    PROMO_CODE,
    /** The order carries a click id of the creator's link, within the attribution window. */
    CLICK,
    /** Neither: no known code and no usable click. */
    NONE
}
