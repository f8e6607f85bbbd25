package io.microreach.signals.trust;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * A component as it entered the trust score.
 *
 * @param weight the configured weight
 * @param effectiveWeight the weight after normalising over the available components (0 when unavailable)
 * @param contribution points out of 100 this component added to the score
 * @param percentile the value's percentile among peers of the same platform and tier
 * @param nichePercentile the value's percentile among peers of the same platform, tier and primary niche; {@code
 *     null} (with {@code nicheUnavailableReason}) when the account has no niche, the niche group is too small or
 *     the component has no peer comparison
 * @param peerGroup the niche peer group ({@code platform/tier/niche}) or, without a niche, the platform × tier group
 * @param coverage the share of the component's evidence that was checked (see {@link ComponentInput#coverage()}); the
 *     weight of the rest counts as missing
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
        String unavailableReason,
        Double nichePercentile,
        String peerGroup,
        String nicheUnavailableReason,
        double coverage) {

    /** This component with its niche comparison. */
    public ScoredComponent withNiche(Double nichePercentile, String peerGroup, String nicheUnavailableReason) {
        return new ScoredComponent(
                component,
                value,
                goodness,
                percentile,
                basis,
                weight,
                effectiveWeight,
                contribution,
                confidence,
                evidenceIds,
                unavailableReason,
                nichePercentile,
                peerGroup,
                nicheUnavailableReason,
                coverage);
    }
}
