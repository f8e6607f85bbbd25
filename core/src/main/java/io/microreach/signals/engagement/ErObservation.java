package io.microreach.signals.engagement;

import io.microreach.domain.Platform;
import java.util.Objects;

/**
 * One creator's measured engagement rate for fitting the expected-ER curve.
 *
 * @param followers the creator's current followers
 * @param er its median engagement rate by followers; 0 is allowed (and skipped by the fit)
 */
public record ErObservation(Platform platform, long followers, double er) {

    public ErObservation {
        Objects.requireNonNull(platform, "platform");
        if (followers < 0) {
            throw new IllegalArgumentException("followers must not be negative: " + followers);
        }
        if (!(er >= 0) || Double.isInfinite(er)) {
            throw new IllegalArgumentException("er must be a finite number >= 0: " + er);
        }
    }
}
