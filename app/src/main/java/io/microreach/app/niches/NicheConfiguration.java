package io.microreach.app.niches;

import io.microreach.app.home.MicroreachHome;
import io.microreach.niches.MiniLmEmbedder;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.StaticEmbedder;
import io.microreach.niches.TextEmbedder;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The taxonomy and the one {@link TextEmbedder} that niche classification, lookalikes and semantic search share.
 * {@code microreach.niches.embedder=fast} (default) is the static token table distilled from bge-small-en-v1.5 and
 * MiniLM, thousands of texts per second; {@code minilm} is the full MiniLM transformer, about a hundred times slower
 * (docs/niches.md). Changing it re-embeds every account on the next classification (the model id is stored).
 */
@Configuration(proxyBeanMethods = false)
public class NicheConfiguration {
    private static final Logger log = LoggerFactory.getLogger(NicheConfiguration.class);
    static final String DJL_CACHE = "DJL_CACHE_DIR";

    @Bean
    NicheTaxonomy nicheTaxonomy() {
        return NicheTaxonomy.load();
    }

    @Bean
    TextEmbedder textEmbedder(@Value("${microreach.niches.embedder:fast}") String kind, MicroreachHome home) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "fast" -> StaticEmbedder.load();
            case "minilm" -> {
                // DJL unpacks its native tokenizer on first use; keep it under the home folder, not in ~/.djl.ai.
                if (System.getenv(DJL_CACHE) == null && System.getProperty(DJL_CACHE) == null) {
                    System.setProperty(DJL_CACHE, home.runtime().resolve("djl").toString());
                }
                log.info("Loading the all-MiniLM-L6-v2 embedding model (ONNX Runtime)");
                yield new MiniLmEmbedder();
            }
            default ->
                throw new IllegalArgumentException(
                        "microreach.niches.embedder: unknown embedder '" + kind + "'; expected fast or minilm");
        };
    }
}
