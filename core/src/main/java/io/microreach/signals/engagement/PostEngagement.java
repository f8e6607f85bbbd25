package io.microreach.signals.engagement;

import io.microreach.domain.PostFormat;
import java.time.Instant;

/**
 * The engagement of one post, for charts and as evidence. A rate is {@code null} when it cannot be computed: no
 * interaction count reported, or a zero denominator.
 *
 * @param engagements likes + comments + shares + saves over the counts the platform reported; {@code null} when it
 *     reported none of them
 * @param followers the follower count the rate is divided by; {@code null} when none is usable
 * @param followerBasis whether {@code followers} is the count at posting time or the account's current one
 * @param er engagements ÷ followers
 * @param views reported views, {@code null} when not reported
 * @param erByViews engagements ÷ views, only for video formats with views &gt; 0
 */
record PostEngagement(
        String postId,
        Instant publishedAt,
        PostFormat format,
        Long engagements,
        Long followers,
        FollowerBasis followerBasis,
        Double er,
        Long views,
        Double erByViews) {}
