package io.microreach.app.creators;

import io.microreach.signals.SampledFollower;
import io.microreach.signals.followers.FollowerFeatures;
import io.microreach.signals.followers.FollowerProfile;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Marks the sampled followers the suspicious-follower model flags, with its reasons: the same model the scorer uses
 * (the shipped one, or the retrained one named by {@code microreach.followers.model}), so the marks on the creator
 * page add up to the share in the scorecard before its correction for the model's error rates.
 */
@Component
public class FollowerFlags {
    private final SuspiciousFollowerModel model;

    public FollowerFlags(Environment env) {
        String file = env.getProperty("microreach.followers.model");
        try {
            this.model = file == null || file.isBlank()
                    ? SuspiciousFollowerModel.load()
                    : SuspiciousFollowerModel.load(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model's verdict on one follower.
     *
     * @param probability the model's probability that the account is fake, bought or spam (0..1)
     * @param reasons the features that pushed the probability up, strongest first, in words
     */
    public record Suspicion(boolean suspicious, double probability, String reasons) {
        /** The tooltip text: the verdict, the probability and the reasons. */
        public String explanation() {
            return (suspicious ? "Looks suspicious" : "Looks genuine")
                    + String.format(Locale.ROOT, " (model probability %.0f%%)", probability * 100)
                    + (reasons.isEmpty() ? "" : ": " + reasons);
        }
    }

    /** The model's verdict, or {@code null} when the profile lacks what a judgement needs. */
    Suspicion assess(SampledFollower follower) {
        FollowerProfile profile = FollowerProfile.of(follower);
        OptionalDouble p = model.assess(profile);
        if (p.isEmpty()) {
            return null;
        }
        double[] contributions = model.contributions(profile);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < contributions.length; j++) {
            if (contributions[j] > 0.05) {
                order.add(j);
            }
        }
        order.sort((a, b) -> Double.compare(contributions[b], contributions[a]));
        List<String> reasons = new ArrayList<>();
        for (int j : order) {
            reasons.add(reason(FollowerFeatures.NAMES.get(j)));
        }
        return new Suspicion(p.getAsDouble() >= model.threshold(), p.getAsDouble(), String.join(", ", reasons));
    }

    private static String reason(String feature) {
        return switch (feature) {
            case "following_followers_log_ratio" -> "follows far more accounts than follow it";
            case "no_profile_picture" -> "no profile picture";
            case "empty_bio" -> "empty bio";
            case "has_external_url" -> "no link in the profile";
            default -> feature.replace('_', ' ');
        };
    }
}
