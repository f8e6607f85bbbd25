package io.microreach.signals.trust;

import io.microreach.signals.Confidence;
import java.util.List;
import java.util.Objects;

/**
 * One component before weighting.
 *
 * @param value the measured value in its own unit (ER, share, score…), {@code null} when unavailable
 * @param goodness how good the value is on a 0..1 scale (1 = best); {@code null} when unavailable
 * @param percentile the value's percentile among peers (0..100), {@code null} when there are too few peers
 * @param basis how goodness was derived, in words ("peer percentile", "1 - share / 0.4"...)
 * @param unavailableReason why the component has no value; {@code null} when it has one
 * @param coverage the share (0..1] of the component's evidence that was actually checked: 1 for every component but
 *     one made of separate checks of which only some could run (engagement anomalies: spikes need follower history,
 *     pods comments, the like-to-comment ratio peers). Only the checked share earns points; the rest of the weight
 *     counts as missing evidence (see {@link TrustScore})
 */
public record ComponentInput(
        TrustComponent component,
        Double value,
        Double goodness,
        Double percentile,
        String basis,
        Confidence confidence,
        List<String> evidenceIds,
        String unavailableReason,
        double coverage) {

    /** A component whose evidence was checked in full (coverage 1). */
    public ComponentInput(
            TrustComponent component,
            Double value,
            Double goodness,
            Double percentile,
            String basis,
            Confidence confidence,
            List<String> evidenceIds,
            String unavailableReason) {
        this(component, value, goodness, percentile, basis, confidence, evidenceIds, unavailableReason, 1.0);
    }

    public ComponentInput {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(confidence, "confidence");
        evidenceIds = List.copyOf(evidenceIds == null ? List.of() : evidenceIds);
        if (goodness != null && (goodness < 0 || goodness > 1 || goodness.isNaN())) {
            throw new IllegalArgumentException(component + ": goodness must be within 0..1, got " + goodness);
        }
        if (goodness == null && unavailableReason == null) {
            throw new IllegalArgumentException(component + ": an unavailable component needs a reason");
        }
        if (!(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException(component + ": coverage must be within (0, 1], got " + coverage);
        }
    }

    public static ComponentInput unavailable(TrustComponent component, String reason) {
        return new ComponentInput(component, null, null, null, null, Confidence.NONE, List.of(), reason);
    }

    public boolean available() {
        return goodness != null && confidence != Confidence.NONE;
    }
}
