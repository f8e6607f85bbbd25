package io.microreach.signals;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Post;
import java.util.List;
import java.util.Objects;

/**
 * Everything the signals read about one account. Ids are the platforms' own ids, so evidence can name posts,
 * comments and followers the way users and the import files know them.
 *
 * @param posts the account's posts, newest first (the scorer passes the recent window plus what anomaly checks need)
 * @param comments comments on those posts, any order, including the creator's own replies
 * @param followers the sampled followers, as the signals read them
 * @param edges follow edges among the sampled followers
 * @param history daily follower counts, oldest first
 */
public record AccountActivity(
        Account account,
        List<Post> posts,
        List<Comment> comments,
        List<SampledFollower> followers,
        List<FollowEdge> edges,
        List<FollowerCount> history) {

    public AccountActivity {
        Objects.requireNonNull(account, "account");
        posts = List.copyOf(posts);
        comments = List.copyOf(comments);
        followers = List.copyOf(followers);
        edges = List.copyOf(edges);
        history = List.copyOf(history);
    }

    /** Whether a comment was written by the account itself (by platform id when known, else by handle). */
    public boolean isByCreator(Comment comment) {
        if (comment.authorPlatformId() != null) {
            return comment.authorPlatformId().equals(account.platformId());
        }
        return comment.authorHandle().equalsIgnoreCase(account.handle());
    }
}
