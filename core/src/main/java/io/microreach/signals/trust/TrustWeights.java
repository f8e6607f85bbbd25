package io.microreach.signals.trust;

import java.util.EnumMap;
import java.util.Map;

/**
 * Relative weights of the components. The defaults and their reasoning (README, "Trust score"):
 * real followers 0.25 (bought audiences waste budget outright), engagement 0.20 (the essay's second point, against
 * peers so that size does not decide), replies 0.15 and community 0.15 (the essay's "active communication" and
 * "tight-knit community", which commercial tools do not measure), authenticity 0.10 (over-commercialisation erodes
 * trust but some sponsorship is normal), no anomalies 0.10 (spikes and pods are strong but rarer evidence),
 * inviting content 0.05 (a weak proxy). Weights need not sum to 1: they are normalised over the available components.
 */
public record TrustWeights(Map<TrustComponent, Double> weights) {

    public static final TrustWeights DEFAULT = new TrustWeights(Map.of(
            TrustComponent.REAL_FOLLOWERS, 0.25,
            TrustComponent.ENGAGEMENT, 0.20,
            TrustComponent.REPLIES, 0.15,
            TrustComponent.COMMUNITY, 0.15,
            TrustComponent.AUTHENTICITY, 0.10,
            TrustComponent.NO_ANOMALIES, 0.10,
            TrustComponent.INVITING_CONTENT, 0.05));

    public TrustWeights {
        Map<TrustComponent, Double> copy = new EnumMap<>(TrustComponent.class);
        for (TrustComponent c : TrustComponent.values()) {
            Double w = weights.get(c);
            if (w == null) {
                throw new IllegalArgumentException("missing trust weight for " + c.id());
            }
            if (w < 0 || w.isNaN() || w.isInfinite()) {
                throw new IllegalArgumentException("trust weight for " + c.id() + " must be >= 0, got " + w);
            }
            copy.put(c, w);
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("at least one trust weight must be positive");
        }
        weights = Map.copyOf(copy);
    }

    public double of(TrustComponent component) {
        return weights.get(component);
    }

    public TrustWeights with(TrustComponent component, double weight) {
        Map<TrustComponent, Double> copy = new EnumMap<>(weights);
        copy.put(component, weight);
        return new TrustWeights(copy);
    }
}
