package io.microreach.planner;

/**
 * The least evidence a creator needs before a plan may spend money on it: a forecast from three posts and no trust
 * score is a guess, so by default such accounts are left out and counted, and the user can lower the bar.
 *
 * @param trustScore whether a trust score must be available
 * @param posts the fewest posts published within {@code days} of the account's newest post (the window of the
 *     engagement rate); 0 = no minimum
 * @param days the length of that window, in days
 */
public record EvidenceMinimum(boolean trustScore, int posts, int days) {
    /** No minimum: every candidate qualifies. */
    public static final EvidenceMinimum NONE = new EvidenceMinimum(false, 0, 90);

    /**
     * The planner's default: a trust score and the 5 posts in 90 days the engagement rate needs at PRODUCT.md's default
     * window.
     */
    public static final EvidenceMinimum DEFAULT = new EvidenceMinimum(true, 5, 90);

    public EvidenceMinimum {
        if (posts < 0) {
            throw new PlanningException("constraints.minEvidence.posts", "must be >= 0, got " + posts);
        }
        if (days < 1) {
            throw new PlanningException("constraints.minEvidence.days", "must be >= 1, got " + days);
        }
    }

    /** Why a candidate falls short of this minimum, or null when it qualifies. */
    String shortfall(PlanCandidate c) {
        if (trustScore && c.trustScore() == null) {
            return "too little evidence: no trust score yet";
        }
        if (c.recentPosts() < posts) {
            return "too little evidence: " + c.recentPosts() + " post" + (c.recentPosts() == 1 ? "" : "s") + " in "
                    + days + " days (minimum " + posts + ")";
        }
        return null;
    }

    /** The minimum in words, e.g. "a trust score and at least 5 posts in 90 days". */
    public String describe() {
        if (!trustScore && posts == 0) {
            return "none";
        }
        String p = "at least " + posts + " post" + (posts == 1 ? "" : "s") + " in " + days + " days";
        if (!trustScore) {
            return p;
        }
        return posts == 0 ? "a trust score" : "a trust score and " + p;
    }
}
