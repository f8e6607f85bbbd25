package io.microreach.signals.engagement;

/** Which follower count an engagement rate was divided by. */
enum FollowerBasis {
    /** The post's {@code followersAtPost}: the PRODUCT.md definition. */
    AT_POST,
    /** The account's current followers, because the source did not report the count at posting time. */
    CURRENT,
    /** A creator's median over posts of both kinds. */
    MIXED
}
