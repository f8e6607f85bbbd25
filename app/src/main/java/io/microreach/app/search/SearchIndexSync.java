package io.microreach.app.search;

import io.microreach.app.niches.NicheCorrected;
import io.microreach.app.niches.NichesReclassified;
import io.microreach.app.scoring.AccountsRescored;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database: after every rescoring (an import's incremental one, {@code score}, the
 * demo load) the rescored accounts are re-read and replaced; a whole-pool rescore rebuilds the index, because every
 * percentile may have moved. A niche correction re-indexes its account and a re-classification of every account
 * ({@code classify}) rebuilds, so a niche change never waits for {@code reindex}. Runs after niche classification ({@code @Order(10)}) so new niches and embeddings are
 * indexed in the same step.
 */
@Component
class SearchIndexSync {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexSync.class);

    private final SearchIndex index;

    SearchIndexSync(SearchIndex index) {
        this.index = index;
    }

    @EventListener
    @Order(20)
    public void rescored(AccountsRescored event) {
        if (event.wholePool()) {
            index.rebuild(IndexProgress.NONE);
        } else if (!event.accountIds().isEmpty()) {
            index.update(event.accountIds());
            LOG.debug("Search index updated for {} accounts", event.accountIds().size());
        }
    }

    /** A niche correction re-indexes the account after its niches were classified again. */
    @EventListener
    @Order(20)
    public void corrected(NicheCorrected event) {
        index.update(List.of(event.accountId()));
        LOG.debug("Search index updated for corrected account {}", event.accountId());
    }

    /** A re-classification of every account ({@code classify}) rebuilds: any account's niches may have moved. */
    @EventListener
    @Order(20)
    public void reclassified(NichesReclassified event) {
        index.rebuild(IndexProgress.NONE);
        LOG.debug("Search index rebuilt after {} accounts were re-classified", event.accounts());
    }

    /** The web app checks (and if needed rebuilds) the index before it serves the first request. */
    @Component
    @ConditionalOnWebApplication
    static class OpenAtStart implements SmartInitializingSingleton {
        private final SearchIndex index;

        OpenAtStart(SearchIndex index) {
            this.index = index;
        }

        @Override
        public void afterSingletonsInstantiated() {
            // The start-up benchmark reads these two lines for its "search index open" phase.
            LOG.info("Opening the search index");
            long started = System.nanoTime();
            index.open();
            LOG.info("Search index opened in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
