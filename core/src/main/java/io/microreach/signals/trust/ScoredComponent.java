package io.microreach.signals.trust;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * A component as it entered the trust score.
 *
 * @param weight the configured weight
 * @param effectiveWeight the weight after normalising over the available components (0 when unavailable)
 * @param contribution points out of 100 this component added to the score
 */
public record ScoredComponent(
        TrustComponent component,
        Double value,
        Double goodness,
        Double percentile,
        String basis,
        double weight,
        double effectiveWeight,
        double contribution,
        Confidence confidence,
        List<String> evidenceIds,
        String unavailableReason) {}
