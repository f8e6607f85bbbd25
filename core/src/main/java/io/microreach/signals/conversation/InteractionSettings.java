package io.microreach.signals.conversation;

/**
 * Knobs of {@link InteractionAnalyzer}: the window and the sample sizes behind each confidence level.
 *
 * @param maxPosts only the newest this many posts are looked at
 * @param minimumCaptions below this many known captions the inviting share is unavailable
 * @param highConfidenceCaptions from this many captions its confidence is high
 * @param minimumComments below this many top-level comments by others the question share is unavailable
 * @param highConfidenceComments from this many its confidence is high
 * @param minimumThreads below this many threads the mean depth is unavailable
 * @param highConfidenceThreads from this many its confidence is high
 * @param evidenceLimit at most this many ids per evidence list
 */
record InteractionSettings(
        int maxPosts,
        int minimumCaptions,
        int highConfidenceCaptions,
        int minimumComments,
        int highConfidenceComments,
        int minimumThreads,
        int highConfidenceThreads,
        int evidenceLimit) {

    /** 30 newest posts; captions 5/30, comments 10/100, threads 5/50; 10 ids. */
    public static final InteractionSettings DEFAULT = new InteractionSettings(30, 5, 30, 10, 100, 5, 50, 10);

    public InteractionSettings {
        if (maxPosts < 1 || minimumCaptions < 1 || minimumComments < 1 || minimumThreads < 1 || evidenceLimit < 0) {
            throw new IllegalArgumentException("window and minimums must be >= 1, evidenceLimit >= 0");
        }
        if (highConfidenceCaptions < minimumCaptions
                || highConfidenceComments < minimumComments
                || highConfidenceThreads < minimumThreads) {
            throw new IllegalArgumentException("each high-confidence size must be >= its minimum");
        }
    }

    public InteractionSettings withMaxPosts(int value) {
        return new InteractionSettings(
                value,
                minimumCaptions,
                highConfidenceCaptions,
                minimumComments,
                highConfidenceComments,
                minimumThreads,
                highConfidenceThreads,
                evidenceLimit);
    }
}
