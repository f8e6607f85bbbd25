package io.microreach.signals.engagement;

import io.microreach.domain.Account;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small hand-built accounts and posts for the known-answer tests. */
final class Fixtures {
    static final Instant NEWEST = Instant.parse("2026-10-01T12:00:00Z");

    private Fixtures() {}

    static Account account(Platform platform, long followers) {
        return new Account(
                platform, "acc-1", "creator", null, null, null, null, followers, null, null, false, false, false, null,
                null, null, null);
    }

    static AccountActivity activity(Account account, List<Post> posts) {
        return new AccountActivity(account, posts, List.of(), List.of(), List.of(), List.of());
    }

    /** An Instagram photo {@code daysAgo} days before {@link #NEWEST} with likes and comments only. */
    static Post photo(String id, double daysAgo, long likes, long comments, Long followersAtPost) {
        return post(id, daysAgo, PostFormat.PHOTO, likes, comments, null, null, null, followersAtPost);
    }

    static Post post(
            String id,
            double daysAgo,
            PostFormat format,
            Long likes,
            Long comments,
            Long shares,
            Long saves,
            Long views,
            Long followersAtPost) {
        return new Post(
                Platform.INSTAGRAM,
                id,
                "acc-1",
                NEWEST.minus(Duration.ofMinutes(Math.round(daysAgo * 24 * 60))),
                format,
                null,
                null,
                null,
                likes,
                comments,
                shares,
                saves,
                views,
                followersAtPost,
                null,
                null);
    }
}
