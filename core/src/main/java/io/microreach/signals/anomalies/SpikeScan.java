package io.microreach.signals.anomalies;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * The follower-spike check of one account.
 *
 * @param spikes the flagged days, oldest first; empty when none (or when unavailable)
 * @param days daily counts looked at
 * @param medianChange median relative day-over-day change; {@code null} when unavailable
 * @param scale the robust scale the z-scores divide by (1.4826 × MAD, at least the floor); {@code null} when
 *     unavailable
 * @param unavailableReason {@code null} when the check ran
 */
public record SpikeScan(
        List<Spike> spikes,
        int days,
        Double medianChange,
        Double scale,
        Confidence confidence,
        String unavailableReason) {

    public SpikeScan {
        spikes = List.copyOf(spikes);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
