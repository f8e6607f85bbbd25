package io.microreach.signals.conversation;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-built accounts for known-answer tests: creator "lena" (id C1) observed at {@link #NOW}. */
final class Threads {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    static final String CREATOR_ID = "C1";
    static final String CREATOR = "lena";

    final List<Post> posts = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    Instant observedAt = NOW;
    private int next;

    /** A post published {@code daysAgo} days before NOW; posts must be added newest first. */
    String post(double daysAgo) {
        return post(daysAgo, null, 10L);
    }

    String post(double daysAgo, String caption, Long commentCount) {
        String id = "P" + posts.size();
        posts.add(new Post(
                Platform.INSTAGRAM,
                id,
                CREATOR_ID,
                at(daysAgo * 24),
                PostFormat.PHOTO,
                caption,
                null,
                null,
                100L,
                commentCount,
                null,
                null,
                null,
                1000L,
                null,
                null));
        return id;
    }

    /** A top-level comment by {@code author} {@code hoursAgo} hours before NOW. */
    String comment(String post, String author, double hoursAgo) {
        return add(post, author, author, "nice", hoursAgo, null);
    }

    String comment(String post, String author, String text, double hoursAgo) {
        return add(post, author, author, text, hoursAgo, null);
    }

    /** A creator reply to {@code parent}, {@code hoursAfter} hours after it. */
    String creatorReply(String parent, double hoursAfter) {
        Comment p = find(parent);
        double hoursAgo = Duration.between(p.createdAt(), NOW).toSeconds() / 3600.0 - hoursAfter;
        return add(p.postPlatformId(), CREATOR_ID, CREATOR, "thanks!", hoursAgo, parent);
    }

    String reply(String post, String author, String parent, double hoursAgo) {
        return add(post, author, author, "agreed", hoursAgo, parent);
    }

    String add(String post, String authorId, String handle, String text, double hoursAgo, String parent) {
        String id = "c" + (next++);
        comments.add(new Comment(Platform.INSTAGRAM, id, post, authorId, handle, text, at(hoursAgo), parent, 0L));
        return id;
    }

    Comment find(String id) {
        return comments.stream()
                .filter(c -> c.platformId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    AccountActivity activity() {
        Account account = new Account(
                Platform.INSTAGRAM,
                CREATOR_ID,
                CREATOR,
                null,
                null,
                null,
                "en",
                1000,
                null,
                null,
                false,
                false,
                true,
                null,
                null,
                null,
                observedAt);
        return new AccountActivity(account, posts, comments, List.of(), List.of(), List.of());
    }

    static Instant at(double hoursAgo) {
        return NOW.minusMillis(Math.round(hoursAgo * 3_600_000));
    }
}
