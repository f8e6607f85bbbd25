package io.microreach.signals.followers;

import java.util.List;

/**
 * The one feature extractor behind training, evaluation and scoring: a {@link FollowerProfile} becomes a fixed-order
 * vector of numbers, {@link Double#NaN} where the profile does not know the value.
 *
 * <p>Transforms, and why: counts are heavy-tailed (followers run from 0 to millions), so they enter as
 * {@code ln(1 + x)}, which also keeps the very common zero (no posts, no bio) finite. The following/followers ratio
 * enters as the bounded share {@code following / (following + followers)}: the plain log-ratio would be an exact
 * linear combination of the two log counts and add nothing to a linear model, while the share saturates for the
 * "follows 5,000, followed by 12" pattern of bought accounts. It is unknown when both counts are 0. Username length is
 * capped at 30 (Instagram's limit; longer names come from other platforms) and full-name words at 4, so that a rare
 * extreme value cannot dominate a linear score. Binary flags are 0/1.
 */
public final class FollowerFeatures {
    public static final List<String> NAMES = List.of(
            "has_profile_picture",
            "log_posts",
            "log_followers",
            "log_following",
            "following_share",
            "username_length",
            "username_digit_share",
            "log_bio_length",
            "is_private",
            "has_external_url",
            "fullname_words");

    public static final int COUNT = NAMES.size();

    private FollowerFeatures() {}

    public static double[] extract(FollowerProfile p) {
        double[] x = new double[COUNT];
        extract(p, x);
        return x;
    }

    /**
     * {@link #extract(FollowerProfile)} into {@code x} (length {@link #COUNT}); whether any feature is known. Scoring
     * reuses one array for all followers of an account.
     */
    static boolean extract(FollowerProfile p, double[] x) {
        x[0] = flag(p.hasProfilePicture());
        x[1] = log(p.posts());
        x[2] = log(p.followers());
        x[3] = log(p.following());
        x[4] = followingShare(p.followers(), p.following());
        x[5] = p.usernameLength() == null ? Double.NaN : Math.min(30, p.usernameLength());
        x[6] = p.usernameDigitShare() == null ? Double.NaN : p.usernameDigitShare();
        x[7] = p.bioLength() == null ? Double.NaN : Math.log1p(p.bioLength());
        x[8] = flag(p.privateAccount());
        x[9] = flag(p.hasExternalUrl());
        x[10] = p.fullNameWords() == null ? Double.NaN : Math.min(4, p.fullNameWords());
        for (double v : x) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static double flag(Boolean b) {
        return b == null ? Double.NaN : b ? 1 : 0;
    }

    private static double log(Long count) {
        return count == null ? Double.NaN : Math.log1p(count);
    }

    private static double followingShare(Long followers, Long following) {
        if (followers == null || following == null || followers + following == 0) {
            return Double.NaN;
        }
        return (double) following / (followers + following);
    }
}
