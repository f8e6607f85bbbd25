package io.microreach.signals.trust;

import io.microreach.signals.Confidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trust score, 0–100, its band, and how it was made.
 *
 * <p><b>Score.</b> score = 100 × Σ wᵢ·gᵢ / Σ wᵢ over the available components, where gᵢ ∈ [0, 1] is the component's
 * goodness. A plain weighted mean on purpose: every point of the score can be traced to one component's contribution
 * (contributions add up to the score exactly), unlike a learned model. Unavailable components drop out and the others
 * are re-weighted, so "no data" never counts as good or bad: the score is what the evidence at hand says, as if the
 * missing evidence were as good as the present evidence on average.
 *
 * <p><b>Band.</b> The score the account would get with every component measured lies in [low, high]: low fills each
 * missing component with goodness 0, high with goodness 1, both over the total weight W:
 * low = 100 × Σ_present wᵢ·gᵢ / W, high = low + 100 × Σ_missing wⱼ / W. Its width is exactly the missing share of the
 * weight, so a profile with 12 posts (engagement alone, 20% of the default weight) gets an 80-point band and a full
 * scorecard a band of width 0. It is a bound, not a statistical interval: it assumes nothing about the missing
 * components, because on partial-data pools the pool has not measured them either, so there is no population to take
 * a plausible range from. It follows that adding a component with any value never widens the band and never moves
 * the full-data score out of it, and the score itself always lies inside. The measurement uncertainty of the present
 * components is not in the band; their confidence says how much data each rests on.
 *
 * <p><b>Partly checked components.</b> A component made of separate checks (engagement anomalies) may have only some
 * of them run; its {@link ComponentInput#coverage() coverage} c is the share of its goodness those checks decide, and
 * its goodness is measured over them alone. It then enters everything above with weight c·wᵢ, and (1 − c)·wᵢ counts as
 * missing: a check that did not run earns no points (a clean result of the checks that ran does not vouch for the
 * others) and costs none, and the band stays exact because the component's full-data goodness is c·gᵢ plus at most
 * 1 − c.
 *
 * <p><b>Floor.</b> A score needs the engagement component (an engagement rate from a usable window, compared with
 * peers) or components worth at least half of the total weight. Engagement is the one component every data source
 * supplies (a profile and its posts) and the only one compared with peers, so it anchors a partial score; without it
 * and with less than half of the weight, the score would rest on one or two proxies and is reported unavailable.
 * Confidence is the weight-average confidence of the components the score rests on, one step lower below 80% of the
 * weight and at most LOW below 50%.
 *
 * @param score {@code null} when the floor is not met
 * @param low the lowest full-data score the evidence allows; {@code null} with {@code score}
 * @param high the highest full-data score the evidence allows; {@code null} with {@code score}
 * @param coveredWeight share of the total weight whose components had data
 */
public record TrustScore(
        Double score,
        Double low,
        Double high,
        Confidence confidence,
        double coveredWeight,
        List<ScoredComponent> components,
        String unavailableReason) {

    static final double MINIMUM_COVERED_WEIGHT = 0.5;

    public TrustScore {
        components = List.copyOf(components);
    }

    public static TrustScore combine(List<ComponentInput> inputs, TrustWeights weights) {
        Map<TrustComponent, ComponentInput> byComponent =
                inputs.stream().collect(Collectors.toMap(ComponentInput::component, Function.identity()));
        double total = 0;
        double available = 0;
        for (TrustComponent c : TrustComponent.values()) {
            total += weights.of(c);
            ComponentInput in = byComponent.get(c);
            if (in != null && in.available()) {
                available += weights.of(c) * in.coverage();
            }
        }
        List<ScoredComponent> scored = new ArrayList<>();
        double score = 0;
        double present = 0;
        double confidenceSum = 0;
        for (TrustComponent c : TrustComponent.values()) {
            ComponentInput in = byComponent.getOrDefault(c, ComponentInput.unavailable(c, "not computed"));
            double w = weights.of(c) * in.coverage();
            boolean use = in.available() && available > 0;
            double effective = use ? w / available : 0;
            double contribution = use ? 100 * effective * in.goodness() : 0;
            score += contribution;
            if (use) {
                present += w * in.goodness();
                confidenceSum += effective * in.confidence().ordinal();
            }
            scored.add(new ScoredComponent(
                    c,
                    in.value(),
                    in.goodness(),
                    in.percentile(),
                    in.basis(),
                    weights.of(c),
                    effective,
                    contribution,
                    in.confidence(),
                    in.evidenceIds(),
                    in.available() ? null : reason(in),
                    null,
                    null,
                    "no niche comparison made",
                    in.coverage()));
        }
        double covered = total == 0 ? 0 : available / total;
        ComponentInput engagement = byComponent.get(TrustComponent.ENGAGEMENT);
        boolean anchored = engagement != null && engagement.available() && weights.of(TrustComponent.ENGAGEMENT) > 0;
        if (available <= 0 || (!anchored && covered < MINIMUM_COVERED_WEIGHT)) {
            return new TrustScore(
                    null,
                    null,
                    null,
                    Confidence.NONE,
                    covered,
                    scored,
                    String.format(
                            Locale.ROOT,
                            "only %.0f%% of the weight has data and no engagement rate compared with peers (a score"
                                    + " needs one, or at least %.0f%% of the weight)",
                            covered * 100,
                            MINIMUM_COVERED_WEIGHT * 100));
        }
        Confidence confidence = Confidence.values()[(int) Math.round(confidenceSum)];
        // Fewer components than all lowers confidence: the score rests on part of the evidence.
        if (covered < 0.8 && confidence.ordinal() > Confidence.LOW.ordinal()) {
            confidence = Confidence.values()[confidence.ordinal() - 1];
        }
        if (covered < MINIMUM_COVERED_WEIGHT) {
            confidence = Confidence.LOW;
        }
        double low = 100 * present / total;
        double high = 100 * (present + (total - available)) / total;
        // Outward rounding to one decimal, so the rounded band still holds what the exact one holds.
        return new TrustScore(
                Math.round(score * 10) / 10.0,
                Math.floor(low * 10 + 1e-9) / 10.0,
                Math.min(100, Math.ceil(high * 10 - 1e-9) / 10.0),
                confidence,
                covered,
                scored,
                null);
    }

    private static String reason(ComponentInput in) {
        if (in.unavailableReason() != null) {
            return in.unavailableReason();
        }
        return "too little data";
    }

    /** The components in decreasing order of contribution, for explanations. */
    public List<ScoredComponent> byContribution() {
        return components.stream()
                .sorted(Comparator.comparingDouble(ScoredComponent::contribution)
                        .reversed())
                .toList();
    }

    /** The components without data, heaviest first: the evidence that would narrow the band. */
    public List<ScoredComponent> missing() {
        return components.stream()
                .filter(c -> c.unavailableReason() != null)
                .sorted(Comparator.comparingDouble(ScoredComponent::weight).reversed())
                .toList();
    }
}
