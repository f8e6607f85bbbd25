package io.microreach.signals.followers.training;

import io.microreach.signals.followers.FollowerProfile;
import java.util.Objects;

/**
 * A profile with its known class, for training and evaluating the classifier.
 *
 * @param suspicious {@code true} for a fake, bought or spam account, {@code false} for a genuine one
 */
public record LabelledProfile(FollowerProfile profile, boolean suspicious) {
    public LabelledProfile {
        Objects.requireNonNull(profile, "profile");
    }
}
