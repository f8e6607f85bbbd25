package io.microreach.app.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Search settings from {@code microreach.search.*}; anything not set keeps the documented default. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchSettings searchSettings(Environment env) {
        SearchSettings d = SearchSettings.DEFAULT;
        SearchSettings.Weights w = d.weights();
        return new SearchSettings(
                new SearchSettings.Weights(
                        env.getProperty("microreach.search.weights.keyword", Double.class, w.keyword()),
                        env.getProperty("microreach.search.weights.semantic", Double.class, w.semantic()),
                        env.getProperty("microreach.search.weights.niche", Double.class, w.niche()),
                        env.getProperty("microreach.search.weights.trust", Double.class, w.trust())),
                env.getProperty("microreach.search.niche-facet-min", Double.class, d.nicheFacetMin()),
                env.getProperty("microreach.search.semantic-pool", Integer.class, d.semanticPool()),
                env.getProperty("microreach.search.hnsw.max-conn", Integer.class, d.hnswMaxConn()),
                env.getProperty("microreach.search.hnsw.beam-width", Integer.class, d.hnswBeamWidth()),
                env.getProperty("microreach.search.quantized", Boolean.class, d.quantized()),
                env.getProperty("microreach.search.total-threshold", Integer.class, d.totalThreshold()));
    }
}
