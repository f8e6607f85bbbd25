package io.microreach.generator;

import io.microreach.domain.Platform;
import java.util.List;

/**
 * Everything planted in one account before any record is written: its profile, follower model, engagement levels,
 * posting and conversation habits, audience and community structure. The ground truth repeats these values; the
 * records are draws from them.
 */
record AccountPlan(
        CreatorIdentity identity,
        int slot,
        Platform platform,
        long accountIndex,
        String accountId,
        String handle,
        long followers,
        Tier tier,
        Profile profile,
        FollowerPlan followerPlan,
        Engagement engagement,
        Posting posting,
        Conversation conversation,
        AudienceMix audience,
        Cohesion cohesion,
        Pods.Pod pod) {

    record Profile(
            String displayName,
            String bio,
            long following,
            long postsCount,
            boolean verified,
            boolean business,
            boolean creatorAccount,
            String externalUrl,
            String email) {}

    /** The follower side: how fake the audience is and how the count evolved. */
    record FollowerPlan(
            boolean bought,
            double fakeShare,
            List<Integer> botFarms,
            double growthPerYear,
            double noiseSd,
            List<SpikePlan> spikes) {}

    /** A bought-follower jump {@code daysBefore} days before today adding {@code fraction} of the organic count. */
    record SpikePlan(int daysBefore, double fraction, double laterLoss) {}

    /**
     * Engagement per post: ER = medianEr · exp(erSigma · z) per follower at posting time, split into likes,
     * comments, shares and saves by the ratios; views = engagements / (platform rate per view · viewRateFactor).
     */
    record Engagement(
            double expectedEr,
            double medianEr,
            double erSigma,
            double likesPerComment,
            double sharesPerLike,
            double savesPerLike,
            double viewRateFactor) {}

    record Posting(
            int postCount,
            double meanIntervalDays,
            double hashtagMean,
            double videoShare,
            double inviteShare,
            double sponsoredShare,
            double disclosureRate,
            double paidLabelRate,
            String discountCode,
            int discountPercent,
            List<String> partnerBrands) {}

    /**
     * How the creator talks with the audience: the probability of replying to a comment within 7 days, the
     * lognormal reply delay, and the engaged core of repeat commenters.
     */
    record Conversation(
            double replyPropensity,
            double replyDelayMedianHours,
            double replyDelaySigma,
            int coreSize,
            double coreShare) {}

    /** Stochastic block model of follows among sampled real followers; blocks are the audience mix components. */
    record Cohesion(boolean tightKnit, double pIn, double pOut, double reciprocity, double closure) {}
}
