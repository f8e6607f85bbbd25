package io.microreach.signals.trust;

import io.microreach.signals.Confidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trust score, 0–100, and how it was made.
 *
 * <p>score = 100 × Σ wᵢ·gᵢ / Σ wᵢ over the available components, where gᵢ ∈ [0, 1] is the component's goodness.
 * A plain weighted mean on purpose: every point of the score can be traced to one component's contribution
 * (contributions add up to the score exactly), unlike a learned model. Unavailable components drop out and the
 * others are re-weighted, so "no data" never counts as good or bad; the score itself is unavailable when less than
 * half of the total weight has data, and its confidence is the weight-average confidence of what it rests on.
 *
 * @param score {@code null} when too little of the weight has data
 * @param coveredWeight share of the total weight whose components had data
 */
public record TrustScore(
        Double score,
        Confidence confidence,
        double coveredWeight,
        List<ScoredComponent> components,
        String unavailableReason) {

    static final double MINIMUM_COVERED_WEIGHT = 0.5;

    public static TrustScore combine(List<ComponentInput> inputs, TrustWeights weights) {
        Map<TrustComponent, ComponentInput> byComponent =
                inputs.stream().collect(Collectors.toMap(ComponentInput::component, Function.identity()));
        double total = 0;
        double available = 0;
        for (TrustComponent c : TrustComponent.values()) {
            total += weights.of(c);
            ComponentInput in = byComponent.get(c);
            if (in != null && in.available()) {
                available += weights.of(c);
            }
        }
        List<ScoredComponent> scored = new ArrayList<>();
        double score = 0;
        double confidenceSum = 0;
        for (TrustComponent c : TrustComponent.values()) {
            ComponentInput in = byComponent.getOrDefault(c, ComponentInput.unavailable(c, "not computed"));
            double w = weights.of(c);
            boolean use = in.available() && available > 0;
            double effective = use ? w / available : 0;
            double contribution = use ? 100 * effective * in.goodness() : 0;
            score += contribution;
            if (use) {
                confidenceSum += effective * in.confidence().ordinal();
            }
            scored.add(new ScoredComponent(
                    c,
                    in.value(),
                    in.goodness(),
                    in.percentile(),
                    in.basis(),
                    w,
                    effective,
                    contribution,
                    in.confidence(),
                    in.evidenceIds(),
                    in.available() ? null : reason(in),
                    null,
                    null,
                    "no niche comparison made"));
        }
        double covered = total == 0 ? 0 : available / total;
        if (covered < MINIMUM_COVERED_WEIGHT) {
            return new TrustScore(
                    null,
                    Confidence.NONE,
                    covered,
                    scored,
                    String.format(
                            java.util.Locale.ROOT,
                            "only %.0f%% of the weight has data (at least %.0f%% needed)",
                            covered * 100,
                            MINIMUM_COVERED_WEIGHT * 100));
        }
        Confidence confidence = Confidence.values()[(int) Math.round(confidenceSum)];
        // Fewer components than all lowers confidence one step: the score rests on part of the evidence.
        if (covered < 0.8 && confidence.ordinal() > Confidence.LOW.ordinal()) {
            confidence = Confidence.values()[confidence.ordinal() - 1];
        }
        return new TrustScore(Math.round(score * 10) / 10.0, confidence, covered, scored, null);
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
}
