package io.microreach.app.scoring;

import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustWeights;
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

    @Bean
    SignalSuite signalSuite() {
        return new SignalSuite();
    }
}
