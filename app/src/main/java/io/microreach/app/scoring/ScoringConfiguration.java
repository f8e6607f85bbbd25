package io.microreach.app.scoring;

import io.microreach.signals.engagement.TierPolicy;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import io.microreach.signals.followers.SuspiciousShareEstimator;
import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustWeights;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Scoring beans. Trust weights come from {@code microreach.trust.weights.<component>} (README, "Trust score");
 * anything not set keeps the documented default.
 */
@Configuration(proxyBeanMethods = false)
public class ScoringConfiguration {

    @Bean
    TrustWeights trustWeights(Environment env) {
        TrustWeights weights = TrustWeights.DEFAULT;
        for (TrustComponent c : TrustComponent.values()) {
            String key = "microreach.trust.weights." + c.id().replace('_', '-');
            Double value = env.getProperty(key, Double.class);
            if (value != null) {
                weights = weights.with(c, value);
            }
        }
        return weights;
    }

    /** The shipped suspicious-follower model, or the retrained one named by {@code microreach.followers.model}. */
    @Bean
    SignalSuite signalSuite(Environment env) throws IOException {
        String model = env.getProperty("microreach.followers.model");
        if (model == null || model.isBlank()) {
            return new SignalSuite();
        }
        return new SignalSuite(
                TierPolicy.defaults(), new SuspiciousShareEstimator(SuspiciousFollowerModel.load(Path.of(model))));
    }
}
