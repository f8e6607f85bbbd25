package io.microreach.signals.followers;

import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import io.microreach.signals.SampledFollower;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Estimates an account's suspicious-follower share from its follower sample.
 *
 * <p>Method. Every distinct sampled follower (by platform id; repeats are scored once) that can be judged
 * ({@link FollowerFeatures#scorable}: its follower and following counts are known) is scored by the {@link
 * SuspiciousFollowerModel} and flagged at its threshold; the others are counted as unscored. When not one follower
 * of the sample has a bio (or a link), the sample is taken to lack that field and it is left unknown for all. The flagged count {@code k} of {@code n} gives the
 * raw share {@code p = k/n} with its Wilson 95% interval ({@link Proportion#wilson}). A classifier's flagged share is
 * biased: its expectation is {@code π·Se + (1 − π)·(1 − Sp)} for a true share {@code π}. The Rogan–Gladen estimator
 * inverts that, {@code π̂ = (p + Sp − 1) / (Se + Sp − 1)}, clipped to [0, 1], with the model's validated
 * (out-of-fold) sensitivity {@code Se} and specificity {@code Sp} stored in the model. The interval is the Wilson
 * interval put through the same increasing map, so its coverage for the true share is the Wilson coverage for the
 * flagged share, provided {@code Se} and {@code Sp} hold for this account's followers; their own uncertainty (a few
 * hundred validation profiles) is not added, which is stated in the docs as a known limitation. The corrected value
 * is the one reported as {@link SuspiciousShare#estimate()}; the raw one stays visible as
 * {@link SuspiciousShare#flagged()}.
 *
 * <p>Unavailable, with a reason, when fewer than {@code minimumSample} (default 30) followers can be scored, or when
 * {@code Se + Sp − 1 ≤ 0.05} (a model that barely beats chance cannot be corrected for). Confidence follows
 * {@link Confidence#of(long, long, long)} with the minimum and {@code highConfidenceSample} (default 150), and is
 * at most low when more followers were unscored than scored.
 *
 * <p>Reference: Rogan &amp; Gladen (1978), "Estimating prevalence from the results of a screening test", American
 * Journal of Epidemiology 107(1); Wilson (1927).
 */
public final class SuspiciousShareEstimator {
    public static final int DEFAULT_MINIMUM_SAMPLE = 30;
    public static final int DEFAULT_HIGH_CONFIDENCE_SAMPLE = 150;
    public static final int DEFAULT_EVIDENCE_LIMIT = 10;

    /** Below this Youden index the correction divides by almost nothing and the estimate is noise. */
    static final double MINIMUM_YOUDEN = 0.05;

    private final SuspiciousFollowerModel model;
    private final int minimumSample;
    private final int highConfidenceSample;
    private final int evidenceLimit;

    /** The shipped model with the default minimum sample, confidence band and evidence count. */
    public SuspiciousShareEstimator() {
        this(SuspiciousFollowerModel.load());
    }

    public SuspiciousShareEstimator(SuspiciousFollowerModel model) {
        this(model, DEFAULT_MINIMUM_SAMPLE, DEFAULT_HIGH_CONFIDENCE_SAMPLE, DEFAULT_EVIDENCE_LIMIT);
    }

    public SuspiciousShareEstimator(
            SuspiciousFollowerModel model, int minimumSample, int highConfidenceSample, int evidenceLimit) {
        this.model = Objects.requireNonNull(model, "model");
        if (minimumSample < 1 || highConfidenceSample < minimumSample || evidenceLimit < 0) {
            throw new IllegalArgumentException("need 1 <= minimumSample <= highConfidenceSample and evidenceLimit >= 0,"
                    + " got " + minimumSample + ", " + highConfidenceSample + ", " + evidenceLimit);
        }
        this.minimumSample = minimumSample;
        this.highConfidenceSample = highConfidenceSample;
        this.evidenceLimit = evidenceLimit;
    }

    public SuspiciousShare estimate(AccountActivity activity) {
        return estimate(activity.followers());
    }

    public SuspiciousShare estimate(List<SampledFollower> followers) {
        double threshold = model.threshold();
        double se = model.validation().sensitivity();
        double sp = model.validation().specificity();

        DistinctIds seen = new DistinctIds(followers.size());
        List<SampledFollower> distinct = new ArrayList<>(followers.size());
        boolean anyBio = false;
        boolean anyUrl = false;
        for (SampledFollower f : followers) {
            if (seen.add(f.followerPlatformId())) {
                distinct.add(f);
                anyBio |= f.bioLength() > 0;
                anyUrl |= f.hasExternalUrl();
            }
        }
        double[] features = new double[FollowerFeatures.COUNT];
        List<SuspiciousFollower> flaggedFollowers = new ArrayList<>();
        int n = 0;
        int unscored = 0;
        for (SampledFollower f : distinct) {
            FollowerProfile profile = FollowerProfile.of(f);
            if (!anyBio || !anyUrl) {
                // The import cannot say "no bio" apart from "bio not imported" (both read as empty), nor "no link"
                // apart from "link not imported". A sample in which not one follower has a bio (or a link) almost
                // surely lacks the field: scoring it as "every follower has an empty bio" would push all of them
                // towards suspicious.
                profile = profile.withBioLength(anyBio ? profile.bioLength() : null)
                        .withFlags(
                                profile.hasProfilePicture(),
                                profile.privateAccount(),
                                anyUrl ? profile.hasExternalUrl() : null);
            }
            if (!FollowerFeatures.extract(profile, features)) {
                unscored++;
                continue;
            }
            n++;
            double p = model.probability(features);
            if (p >= threshold) {
                flaggedFollowers.add(new SuspiciousFollower(f.followerPlatformId(), f.handle(), p));
            }
        }
        flaggedFollowers.sort(Comparator.comparingDouble(SuspiciousFollower::probability)
                .reversed()
                .thenComparing(SuspiciousFollower::followerPlatformId));
        List<SuspiciousFollower> evidence =
                flaggedFollowers.subList(0, Math.min(evidenceLimit, flaggedFollowers.size()));

        if (n < minimumSample) {
            return unavailable(
                    n,
                    unscored,
                    "sample too small: " + n + " scored followers, at least " + minimumSample + " needed"
                            + (unscored > 0
                                    ? " (" + unscored + " sampled followers lack their follower and following counts)"
                                    : ""),
                    evidence,
                    threshold,
                    se,
                    sp);
        }
        Proportion flagged = Proportion.wilson(flaggedFollowers.size(), n);
        double youden = se + sp - 1;
        if (youden <= MINIMUM_YOUDEN) {
            return new SuspiciousShare(
                    n,
                    unscored,
                    Confidence.NONE,
                    Optional.of("the model's validated sensitivity + specificity − 1 is " + youden
                            + ", too close to chance to correct the flagged share"),
                    Optional.of(flagged),
                    Optional.empty(),
                    evidence,
                    threshold,
                    se,
                    sp);
        }
        ShareEstimate corrected = new ShareEstimate(
                roganGladen(flagged.estimate(), se, sp),
                roganGladen(flagged.low(), se, sp),
                roganGladen(flagged.high(), se, sp));
        return new SuspiciousShare(
                n,
                unscored,
                confidence(n, unscored),
                Optional.empty(),
                Optional.of(flagged),
                Optional.of(corrected),
                evidence,
                threshold,
                se,
                sp);
    }

    /**
     * From the scored sample size; at most {@link Confidence#LOW} when most of the distinct sampled followers could
     * not be scored, since the scored ones are then a selection (those whose counts were imported) that need not
     * resemble the rest.
     */
    private Confidence confidence(int n, int unscored) {
        Confidence c = Confidence.of(n, minimumSample, highConfidenceSample);
        return unscored > n && c.compareTo(Confidence.LOW) > 0 ? Confidence.LOW : c;
    }

    /** {@code (p + Sp − 1) / (Se + Sp − 1)} clipped to [0, 1]; increasing in {@code p} when the Youden index is positive. */
    static double roganGladen(double observed, double sensitivity, double specificity) {
        double corrected = (observed + specificity - 1) / (sensitivity + specificity - 1);
        return Math.max(0, Math.min(1, corrected));
    }

    private static SuspiciousShare unavailable(
            int n,
            int unscored,
            String reason,
            List<SuspiciousFollower> evidence,
            double threshold,
            double se,
            double sp) {
        return new SuspiciousShare(
                n,
                unscored,
                Confidence.NONE,
                Optional.of(reason),
                Optional.empty(),
                Optional.empty(),
                evidence,
                threshold,
                se,
                sp);
    }

    /**
     * Distinct follower ids, for dropping a follower listed twice. Open addressing over the ids' hash codes instead of
     * a {@code HashSet}: every sampled follower of every creator passes here, and the set's node per id was 5% of the
     * scorer's CPU samples on the 100k benchmark pool.
     */
    private static final class DistinctIds {
        private final int[] slots; // 1 + index into ids; 0 = empty
        private final String[] ids;
        private final int mask;
        private int size;

        DistinctIds(int capacity) {
            int table = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
            this.slots = new int[table];
            this.ids = new String[capacity];
            this.mask = table - 1;
        }

        /** Adds {@code id}; {@code false} when it was there already. */
        boolean add(String id) {
            int h = id.hashCode();
            int i = (h ^ (h >>> 16)) & mask;
            while (slots[i] != 0) {
                if (ids[slots[i] - 1].equals(id)) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            ids[size] = id;
            slots[i] = ++size;
            return true;
        }
    }
}
