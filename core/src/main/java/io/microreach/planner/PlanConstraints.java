package io.microreach.planner;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Constraints of a plan besides the budget.
 *
 * @param maxBudgetShare the most one creator may cost, as a share of the budget (1 = no limit)
 * @param nicheQuotas by niche id
 * @param platformQuotas by platform id
 * @param minTrustScore creators below it (or without a trust score) are not eligible; null = no minimum
 * @param excluded creator ids never to choose
 * @param mustInclude creator ids always chosen
 * @param evidence the least evidence a creator needs to be eligible
 */
public record PlanConstraints(
        int minCreators,
        int maxCreators,
        double maxBudgetShare,
        Map<String, Quota> nicheQuotas,
        Map<String, Quota> platformQuotas,
        Double minTrustScore,
        Set<String> excluded,
        Set<String> mustInclude,
        EvidenceMinimum evidence) {

    public static final PlanConstraints NONE = new PlanConstraints(
            0, Integer.MAX_VALUE, 1.0, Map.of(), Map.of(), null, Set.of(), Set.of(), EvidenceMinimum.NONE);

    /** Constraints without an evidence minimum. */
    public PlanConstraints(
            int minCreators,
            int maxCreators,
            double maxBudgetShare,
            Map<String, Quota> nicheQuotas,
            Map<String, Quota> platformQuotas,
            Double minTrustScore,
            Set<String> excluded,
            Set<String> mustInclude) {
        this(
                minCreators,
                maxCreators,
                maxBudgetShare,
                nicheQuotas,
                platformQuotas,
                minTrustScore,
                excluded,
                mustInclude,
                EvidenceMinimum.NONE);
    }

    public PlanConstraints {
        nicheQuotas = new TreeMap<>(nicheQuotas == null ? Map.of() : nicheQuotas);
        platformQuotas = new TreeMap<>(platformQuotas == null ? Map.of() : platformQuotas);
        excluded = new TreeSet<>(excluded == null ? Set.of() : excluded);
        mustInclude = new TreeSet<>(mustInclude == null ? Set.of() : mustInclude);
        evidence = evidence == null ? EvidenceMinimum.NONE : evidence;
        if (minCreators < 0) {
            throw new PlanningException("constraints.minCreators", "must be >= 0, got " + minCreators);
        }
        if (maxCreators < 1) {
            throw new PlanningException("constraints.maxCreators", "must be >= 1, got " + maxCreators);
        }
        if (minCreators > maxCreators) {
            throw new PlanningException(
                    "constraints.minCreators", "is " + minCreators + ", more than maxCreators " + maxCreators);
        }
        if (!(maxBudgetShare > 0 && maxBudgetShare <= 1)) {
            throw new PlanningException("constraints.maxBudgetShare", "must be in (0, 1], got " + maxBudgetShare);
        }
    }

    public PlanConstraints withMustInclude(Set<String> ids) {
        return new PlanConstraints(
                minCreators,
                maxCreators,
                maxBudgetShare,
                nicheQuotas,
                platformQuotas,
                minTrustScore,
                excluded,
                ids,
                evidence);
    }

    public PlanConstraints withMaxCreators(int max) {
        return new PlanConstraints(
                minCreators,
                max,
                maxBudgetShare,
                nicheQuotas,
                platformQuotas,
                minTrustScore,
                excluded,
                mustInclude,
                evidence);
    }

    public PlanConstraints withEvidence(EvidenceMinimum e) {
        return new PlanConstraints(
                minCreators,
                maxCreators,
                maxBudgetShare,
                nicheQuotas,
                platformQuotas,
                minTrustScore,
                excluded,
                mustInclude,
                e);
    }

    /** Whether anything beyond the budget restricts the choice (the greedy guarantee is stated for the budget only). */
    boolean hasSideConstraints(int eligible) {
        boolean quotas = nicheQuotas.values().stream().anyMatch(q -> q.min() > 0 || q.max() < eligible)
                || platformQuotas.values().stream().anyMatch(q -> q.min() > 0 || q.max() < eligible);
        return quotas || minCreators > mustInclude.size() || maxCreators < eligible;
    }
}
