package io.microreach.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * A creator's track record across earlier campaigns.
 *
 * <p>Rates and their denominators: on-time = deliverables published on or before their due date ÷ deliverables with
 * a due date that were published or ghosted (a ghosted one is never on time; declined ones are left out, declining is
 * not a broken promise); ghosting = ghosted ÷ deliverables that reached a final outcome (published, paid, declined or
 * ghosted); mean revisions over published deliverables; disclosure misses = published posts checked and found
 * undisclosed; forecast hit rate = posts whose engagements fell inside the forecast's P10–P90 ÷ posts with both a
 * forecast and an actual. A rate without denominator is null.
 *
 * <p><b>Ranking factor.</b> {@link #rankingFactor(double)} = 1 − weight × (1 − score), where score is the mean of
 * the available parts among on-time rate, 1 − ghosting rate and 1 − disclosure-miss rate (in [0, 1]). It lies in [1 −
 * weight, 1]: a perfect record keeps the rank, a creator who ghosted every time loses the whole weight. Without
 * history it is exactly 1, so that new creators are never penalised; search and the planner apply it only when the
 * user sets a weight (off by default).
 */
public record ReliabilityHistory(
        int deliverables,
        int onTime,
        int onTimeDenominator,
        int ghosted,
        int ghostingDenominator,
        int revisions,
        int revisionsDenominator,
        int disclosureMisses,
        int disclosureChecked,
        int forecastHits,
        int forecastDenominator) {

    public static ReliabilityHistory of(List<PastDeliverable> past) {
        Objects.requireNonNull(past, "past");
        int onTime = 0;
        int onTimeDen = 0;
        int ghosted = 0;
        int ghostDen = 0;
        int revisions = 0;
        int revisionsDen = 0;
        int misses = 0;
        int checked = 0;
        int hits = 0;
        int forecastDen = 0;
        for (PastDeliverable d : past) {
            boolean published = d.status().isPublished();
            boolean ghost = d.status() == DeliverableStatus.GHOSTED;
            if (d.dueOn() != null && (ghost || (published && d.publishedOn() != null))) {
                onTimeDen++;
                if (published && !d.publishedOn().isAfter(d.dueOn())) {
                    onTime++;
                }
            }
            if (published || ghost || d.status() == DeliverableStatus.DECLINED) {
                ghostDen++;
                if (ghost) {
                    ghosted++;
                }
            }
            if (published) {
                revisionsDen++;
                revisions += d.revisions();
                if (d.disclosed() != null) {
                    checked++;
                    if (!d.disclosed()) {
                        misses++;
                    }
                }
                if (d.forecast() != null && d.actualEngagements() != null) {
                    forecastDen++;
                    if (d.forecast().contains(d.actualEngagements())) {
                        hits++;
                    }
                }
            }
        }
        return new ReliabilityHistory(
                past.size(),
                onTime,
                onTimeDen,
                ghosted,
                ghostDen,
                revisions,
                revisionsDen,
                misses,
                checked,
                hits,
                forecastDen);
    }

    /** Whether any earlier deliverable reached an outcome that says something. */
    public boolean hasHistory() {
        return onTimeDenominator > 0 || ghostingDenominator > 0;
    }

    public Double onTimeRate() {
        return rate(onTime, onTimeDenominator);
    }

    public Double ghostingRate() {
        return rate(ghosted, ghostingDenominator);
    }

    public Double meanRevisions() {
        return rate(revisions, revisionsDenominator);
    }

    public Double disclosureMissRate() {
        return rate(disclosureMisses, disclosureChecked);
    }

    public Double forecastHitRate() {
        return rate(forecastHits, forecastDenominator);
    }

    /**
     * The optional ranking factor (see the class comment), in [1 − weight, 1]; exactly 1 without history.
     *
     * @param weight in [0, 1]
     */
    public double rankingFactor(double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        if (!hasHistory()) {
            return 1.0;
        }
        double sum = 0;
        int n = 0;
        if (onTimeRate() != null) {
            sum += onTimeRate();
            n++;
        }
        if (ghostingRate() != null) {
            sum += 1 - ghostingRate();
            n++;
        }
        if (disclosureMissRate() != null) {
            sum += 1 - disclosureMissRate();
            n++;
        }
        double score = n == 0 ? 1.0 : sum / n;
        return 1 - weight * (1 - score);
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
