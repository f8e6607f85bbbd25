package io.microreach.signals.anomalies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The peer group's like-to-comment ratios (same platform and tier), summarised robustly on the log scale: ratios are
 * right-skewed and multiplicative, so their logarithm is close to symmetric and median / MAD describe it well.
 *
 * @param group a label for reports, e.g. {@code "instagram/micro"}
 * @param medianLogRatio median of ln(likes / comments) over the peers
 * @param madLogRatio median absolute deviation of the same (not yet scaled by 1.4826)
 * @param peers how many peer accounts went in
 */
public record PeerRatios(String group, double medianLogRatio, double madLogRatio, int peers) {

    public PeerRatios {
        if (peers < 0 || madLogRatio < 0 || Double.isNaN(medianLogRatio)) {
            throw new IllegalArgumentException("invalid peer summary");
        }
    }

    /** Summarises peer ratios (likes per comment); non-positive and non-finite values are skipped. */
    public static PeerRatios of(String group, Collection<Double> ratios) {
        List<Double> logs = new ArrayList<>();
        for (Double r : ratios) {
            if (r != null && r > 0 && Double.isFinite(r)) {
                logs.add(Math.log(r));
            }
        }
        if (logs.isEmpty()) {
            return new PeerRatios(group, 0, 0, 0);
        }
        double[] values = logs.stream().mapToDouble(Double::doubleValue).toArray();
        double median = RobustStatistics.median(values);
        return new PeerRatios(group, median, RobustStatistics.mad(values, median), values.length);
    }
}
