package io.microreach.signals.commercial;

/**
 * Knobs of {@link SponsorshipDetector#measure}.
 *
 * @param maxPosts only the newest this many posts are looked at ("recent posts")
 * @param minimumPosts below this many posts the share is unavailable
 * @param highConfidencePosts from this many posts the confidence is high
 * @param evidenceLimit at most this many ids per evidence list
 */
record CommercialSettings(int maxPosts, int minimumPosts, int highConfidencePosts, int evidenceLimit) {

    /** 30 newest posts (the engagement window), share from 5 posts, high confidence from 30, 10 ids. */
    public static final CommercialSettings DEFAULT = new CommercialSettings(30, 5, 30, 10);

    public CommercialSettings {
        if (maxPosts < 1 || minimumPosts < 1 || evidenceLimit < 0 || highConfidencePosts < minimumPosts) {
            throw new IllegalArgumentException(
                    "maxPosts and minimumPosts must be >= 1, highConfidencePosts >= minimumPosts, evidenceLimit >= 0");
        }
    }

    public CommercialSettings withMaxPosts(int value) {
        return new CommercialSettings(value, minimumPosts, highConfidencePosts, evidenceLimit);
    }
}
