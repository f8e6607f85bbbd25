package io.microreach.signals.followers;

import java.util.Objects;

/**
 * One feature of the logistic model: its standardisation and its coefficient. A profile's contribution to the logit
 * is {@code weight × (value − center) ÷ sd}, or 0 when the profile does not know the value (the value is imputed
 * with the center).
 *
 * @param name the feature (see the model card for its definition)
 * @param center training median of the feature over rows that know it: the typical value, used to centre and to
 *     impute
 * @param sd training standard deviation over rows that know it (1 for a feature that was constant)
 * @param weight coefficient per standard deviation; positive means "more suspicious"
 */
public record FeatureWeight(String name, double center, double sd, double weight) {
    public FeatureWeight {
        Objects.requireNonNull(name, "name");
        if (!(sd > 0) || !Double.isFinite(center) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                    "feature " + name + ": center and weight must be finite and sd positive");
        }
    }
}
