package io.microreach.signals.followers.training;

/**
 * A classifier's probability for one profile next to the profile's true class.
 *
 * @param suspicious the true class
 */
record LabelledScore(double probability, boolean suspicious) {
    public LabelledScore {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, got " + probability);
        }
    }
}
