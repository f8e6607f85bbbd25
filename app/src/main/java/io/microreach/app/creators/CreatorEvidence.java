package io.microreach.app.creators;

import java.util.List;

/**
 * The evidence behind one trust component: the stored posts, comments and sampled followers the scorecard names.
 *
 * @param evidenceCount how many ids the scorecard lists
 * @param otherIds ids that are not a stored post, comment or follower of the account (e.g. the day of a follower
 *     spike, or rows deleted since scoring)
 */
public record CreatorEvidence(
        CreatorDetail.Profile profile,
        String componentId,
        String component,
        String basis,
        int evidenceCount,
        List<CreatorDetail.PostView> posts,
        List<CreatorDetail.CommentView> comments,
        List<CreatorDetail.SampledFollower> followers,
        List<String> otherIds) {}
