package io.microreach.signals.engagement;

/**
 * How a creator's ER compares with the expected ER for its size on its platform: a signal, not a verdict.
 *
 * @param er the creator's ER
 * @param expectedEr the curve's ER at the creator's followers; {@code null} when unavailable
 * @param ratio er ÷ expectedEr (2.0 = twice the expected engagement)
 * @param logResidual ln(er) − ln(expectedEr); {@code null} when er is 0
 * @param zScore logResidual ÷ the curve's residual sd; {@code null} when er is 0 or the spread is 0
 * @param extrapolated whether the follower count lies outside the range the curve was fitted on
 * @param curve the curve used; {@code null} when the platform has none
 * @param unavailableReason why {@code expectedEr} is {@code null}, or why {@code zScore} is (else {@code null})
 */
public record ErDeviation(
        double er,
        Double expectedEr,
        Double ratio,
        Double logResidual,
        Double zScore,
        boolean extrapolated,
        ErCurve curve,
        String unavailableReason) {

    public boolean available() {
        return expectedEr != null;
    }
}
