package io.microreach.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily follower counts. The organic count grows exponentially at the planted yearly rate, ending at today's organic
 * count; every day carries independent multiplicative noise. Bought-follower spikes add a fraction of the organic
 * count on their day, of which a planted part is purged over the following weeks (time constant 10 days). The organic
 * level today is solved from {@code followers = organic + bought} so that the last history point, the account's
 * {@code followers} and the trend before the history window all agree. Posts older than the window get the noiseless
 * trend, newer ones the count of their day.
 */
final class FollowerHistory {
    private static final double PURGE_DAYS = 10;

    /** A realised spike: the day it shows, the followers it added that day, as a percentage of the day before. */
    record Spike(LocalDate date, long added, double percent) {}

    private final Instant now;
    private final LocalDate today;
    private final long[] counts;
    private final double organicToday;
    private final double growthPerYear;
    private final List<AccountPlan.SpikePlan> plans;
    private final double[] spikeSize;
    private final List<Spike> spikes = new ArrayList<>();

    FollowerHistory(AccountPlan plan, Instant now, int days, Rng rng) {
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        AccountPlan.FollowerPlan fp = plan.followerPlan();
        this.growthPerYear = fp.growthPerYear();
        this.plans = fp.spikes();
        double perOrganic = 0;
        for (AccountPlan.SpikePlan s : plans) {
            perOrganic += s.fraction() * trend(s.daysBefore()) * remaining(s, 0);
        }
        this.organicToday = plan.followers() / (1 + perOrganic);
        this.spikeSize = new double[plans.size()];
        for (int k = 0; k < plans.size(); k++) {
            spikeSize[k] =
                    plans.get(k).fraction() * organicToday * trend(plans.get(k).daysBefore());
        }
        this.counts = new long[days];
        for (int i = 0; i < days; i++) {
            int daysBefore = days - 1 - i;
            double organic = organicToday * trend(daysBefore);
            double noisy = daysBefore == 0 ? organic : organic * (1 + fp.noiseSd() * rng.normal());
            counts[i] = Math.max(1, Math.round(noisy + bought(daysBefore)));
        }
        counts[days - 1] = plan.followers();
        for (int k = 0; k < plans.size(); k++) {
            int d = plans.get(k).daysBefore();
            int i = days - 1 - d;
            long before = counts[i - 1];
            spikes.add(new Spike(
                    today.minusDays(d),
                    Math.round(spikeSize[k]),
                    AccountPlanner.round4(100.0 * spikeSize[k] / Math.max(1, before))));
        }
    }

    /** Organic count {@code daysBefore} days ago relative to today's. */
    private double trend(double daysBefore) {
        return StrictMath.exp(-growthPerYear * daysBefore / 365);
    }

    /** Share of a spike still there {@code daysBefore} days before today. */
    private static double remaining(AccountPlan.SpikePlan s, double daysBefore) {
        double since = s.daysBefore() - daysBefore;
        return 1 - s.laterLoss() * (1 - StrictMath.exp(-since / PURGE_DAYS));
    }

    private double bought(double daysBefore) {
        double total = 0;
        for (int k = 0; k < plans.size(); k++) {
            if (daysBefore <= plans.get(k).daysBefore()) {
                total += spikeSize[k] * remaining(plans.get(k), daysBefore);
            }
        }
        return total;
    }

    LocalDate firstDate() {
        return today.minusDays(counts.length - 1L);
    }

    long[] counts() {
        return counts;
    }

    List<Spike> spikes() {
        return spikes;
    }

    /** Followers when a post went out: the day's count inside the window, the trend before it. */
    long followersAt(Instant time) {
        LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
        long index = date.toEpochDay() - firstDate().toEpochDay();
        if (index >= 0 && index < counts.length) {
            return counts[(int) index];
        }
        double daysBefore = (now.getEpochSecond() - time.getEpochSecond()) / 86_400.0;
        return Math.max(1, Math.round(organicToday * trend(daysBefore) + bought(daysBefore)));
    }
}
