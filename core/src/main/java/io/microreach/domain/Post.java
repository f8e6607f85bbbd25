package io.microreach.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post of an account. Interaction counts are {@code null} when the platform does not report them (Instagram has
 * no public shares, Bluesky no views...), which keeps "not reported" apart from "zero".
 *
 * @param accountPlatformId the platform id of the author account; the account may be imported later
 * @param followersAtPost the author's follower count when the post was published, if the source knows it
 * @param paidPartnership the platform's own paid-partnership label; {@code null} when the platform has none
 */
public record Post(
        Platform platform,
        String platformId,
        String accountPlatformId,
        Instant publishedAt,
        PostFormat format,
        String caption,
        List<String> hashtags,
        List<String> mentions,
        Long likes,
        Long comments,
        Long shares,
        Long saves,
        Long views,
        Long followersAtPost,
        Boolean paidPartnership,
        String url)
        implements DataRecord {

    public Post {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(accountPlatformId, "accountPlatformId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(format, "format");
        hashtags = List.copyOf(hashtags == null ? List.of() : hashtags);
        mentions = List.copyOf(mentions == null ? List.of() : mentions);
        Checks.nonNegative(likes, "likes");
        Checks.nonNegative(comments, "comments");
        Checks.nonNegative(shares, "shares");
        Checks.nonNegative(saves, "saves");
        Checks.nonNegative(views, "views");
        Checks.nonNegative(followersAtPost, "followersAtPost");
    }

    @Override
    public RecordType type() {
        return RecordType.POST;
    }
}
