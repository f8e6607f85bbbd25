package io.microreach.forecast;

import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold-out check of the engagement bands: for each account, the newest {@code holdOut} posts are set aside, the
 * spread is fitted on up to {@code window} posts before them, and each held-out post's engagements are compared with
 * the band followers-at-post × ER P10..P90. Accounts with fewer than {@link EngagementSpread#MIN_POSTS} fitting posts
 * are skipped.
 */
public final class ForecastCalibration {
    private ForecastCalibration() {}

    public static CalibrationResult check(List<AccountActivity> accounts, int holdOut, int window) {
        int creators = 0;
        int held = 0;
        int inside = 0;
        int below = 0;
        int above = 0;
        for (AccountActivity a : accounts) {
            List<double[]> points = new ArrayList<>();
            for (Post p : a.posts()) { // newest first
                double[] ef = engagementsAndFollowers(p, a.account().followers());
                if (ef != null) {
                    points.add(ef);
                }
            }
            if (points.size() < holdOut + EngagementSpread.MIN_POSTS) {
                continue;
            }
            List<double[]> fitOn = points.subList(holdOut, Math.min(points.size(), holdOut + window));
            EngagementSpread spread = EngagementSpread.fit(fitOn);
            creators++;
            for (double[] ef : points.subList(0, holdOut)) {
                held++;
                double lo = spread.p10() * ef[1];
                double hi = spread.p90() * ef[1];
                if (ef[0] < lo) {
                    below++;
                } else if (ef[0] > hi) {
                    above++;
                } else {
                    inside++;
                }
            }
        }
        return new CalibrationResult(creators, held, inside, below, above);
    }

    /**
     * Engagements (likes + comments + shares + saves, each where reported) and followers at posting time (else the
     * account's current followers); null when followers are unknown or zero, or nothing is reported.
     */
    public static double[] engagementsAndFollowers(Post p, long accountFollowers) {
        Long[] parts = {p.likes(), p.comments(), p.shares(), p.saves()};
        boolean any = false;
        double e = 0;
        for (Long v : parts) {
            if (v != null) {
                e += v;
                any = true;
            }
        }
        long followers = p.followersAtPost() != null ? p.followersAtPost() : accountFollowers;
        if (!any || followers <= 0) {
            return null;
        }
        return new double[] {e, followers};
    }
}
