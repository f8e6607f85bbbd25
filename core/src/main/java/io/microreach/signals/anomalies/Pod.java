package io.microreach.signals.anomalies;

import java.time.Duration;
import java.util.List;

/**
 * A suspected comment pod: the same small set of accounts commenting on most of the creator's recent posts within
 * minutes of publishing.
 *
 * @param members the suspected members, most posts first
 * @param postIds the posts on which at least one member commented within the delay limit, newest first
 * @param commentIds the members' comments on the checked posts, at most the evidence limit
 * @param postsChecked posts with comments by others among the most recent ones
 * @param medianDelay median delay over all the members' first comments per post
 * @param genericShare share of the members' comments that are generic praise or emoji only
 */
public record Pod(
        List<PodMember> members,
        List<String> postIds,
        List<String> commentIds,
        int postsChecked,
        Duration medianDelay,
        double genericShare) {

    public Pod {
        members = List.copyOf(members);
        postIds = List.copyOf(postIds);
        commentIds = List.copyOf(commentIds);
    }
}
