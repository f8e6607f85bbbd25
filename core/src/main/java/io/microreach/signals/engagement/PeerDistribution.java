package io.microreach.signals.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pool's values of one metric, split into peer groups, answering "at which percentile of its peers is this
 * value?" for any metric (engagement rate, like-to-comment ratio, reply rate...).
 *
 * <p>Mid-rank percentile: P = 100 · (L + E/2) / N, where N values are in the group, L of them are below the value
 * and E equal to it. Ties share one percentile, the result does not depend on the order of the rows, it lies in
 * [0, 100] and never decreases as the value grows; for a value that is itself in the pool it lies strictly inside
 * (0, 100), so the best creator of a group of 10 is at 95, not 100 (Hazen's plotting position; see Hyndman and Fan,
 * "Sample quantiles in statistical packages", 1996, for the family). A group with fewer than the minimum of peers
 * gives no percentile: a rank among three creators is noise.
 *
 * <p>Each group keeps its values sorted, so a lookup is two binary searches.
 */
public final class PeerDistribution {
    /** Default minimum group size for a percentile. */
    public static final int DEFAULT_MINIMUM_PEERS = 10;

    private final Map<PeerGroup, double[]> sortedByGroup;
    private final int minimumPeers;

    private PeerDistribution(Map<PeerGroup, double[]> sortedByGroup, int minimumPeers) {
        this.sortedByGroup = sortedByGroup;
        this.minimumPeers = minimumPeers;
    }

    public static PeerDistribution of(Collection<PeerValue> rows) {
        return of(rows, DEFAULT_MINIMUM_PEERS);
    }

    /** @param minimumPeers groups with fewer values give no percentile; at least 1 */
    public static PeerDistribution of(Collection<PeerValue> rows, int minimumPeers) {
        Objects.requireNonNull(rows, "rows");
        if (minimumPeers < 1) {
            throw new IllegalArgumentException("minimumPeers must be at least 1: " + minimumPeers);
        }
        Map<PeerGroup, List<Double>> values = new HashMap<>();
        for (PeerValue row : rows) {
            values.computeIfAbsent(PeerGroup.of(row.platform(), row.tier()), g -> new ArrayList<>())
                    .add(row.value());
            for (String niche : row.niches()) {
                values.computeIfAbsent(new PeerGroup(row.platform(), row.tier(), niche), g -> new ArrayList<>())
                        .add(row.value());
            }
        }
        Map<PeerGroup, double[]> sorted = new HashMap<>();
        values.forEach((group, list) -> {
            double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(a);
            sorted.put(group, a);
        });
        return new PeerDistribution(sorted, minimumPeers);
    }

    public int minimumPeers() {
        return minimumPeers;
    }

    /** The number of values in {@code group}. */
    public int peers(PeerGroup group) {
        double[] a = sortedByGroup.get(group);
        return a == null ? 0 : a.length;
    }

    /** The groups that hold at least one value, sorted by platform, tier and niche (niche-less first). */
    public List<PeerGroup> groups() {
        return sortedByGroup.keySet().stream()
                .sorted(Comparator.comparing(PeerGroup::platform)
                        .thenComparing(PeerGroup::tier)
                        .thenComparing(PeerGroup::niche, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The mid-rank percentile of {@code value} in {@code group}. */
    public Percentile percentile(PeerGroup group, double value) {
        Objects.requireNonNull(group, "group");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        double[] a = sortedByGroup.getOrDefault(group, new double[0]);
        if (a.length < minimumPeers) {
            return new Percentile(
                    null,
                    group,
                    a.length,
                    "too few peers: " + a.length + " in " + group + ", at least " + minimumPeers + " needed");
        }
        int below = lowerBound(a, value);
        int notAbove = upperBound(a, value);
        double p = 100.0 * (below + (notAbove - below) / 2.0) / a.length;
        return new Percentile(p, group, a.length, null);
    }

    /**
     * The percentile among peers of the same niche when that group is large enough, else among the same platform
     * and tier; the result names the group used.
     *
     * @param group a group with or without niche
     */
    public Percentile percentileWithNicheFallback(PeerGroup group, double value) {
        if (group.niche() != null && peers(group) >= minimumPeers) {
            return percentile(group, value);
        }
        return percentile(group.withoutNiche(), value);
    }

    /** First index whose value is not below {@code v}. */
    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index whose value is above {@code v}. */
    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
