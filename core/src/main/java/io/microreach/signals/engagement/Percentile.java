package io.microreach.signals.engagement;

/**
 * Where a value stands among its peers, 0–100.
 *
 * @param percentile mid-rank percentile; {@code null} when unavailable
 * @param group the peer group it was computed in
 * @param peers the number of values in that group
 * @param unavailableReason why {@code percentile} is {@code null}
 */
public record Percentile(Double percentile, PeerGroup group, int peers, String unavailableReason) {

    public boolean available() {
        return percentile != null;
    }
}
