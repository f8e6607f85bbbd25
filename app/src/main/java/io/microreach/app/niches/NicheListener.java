package io.microreach.app.niches;

import io.microreach.app.scoring.AccountsRescored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Classifies the accounts that scoring just stored (all of them after a full run), before the search index picks
 * them up (order 10; search is 20). Embeddings are reused where the content did not change, so the incremental path
 * after an import costs only the changed accounts.
 */
@Component
class NicheListener {
    private static final Logger log = LoggerFactory.getLogger(NicheListener.class);

    private final NicheClassification classification;

    NicheListener(NicheClassification classification) {
        this.classification = classification;
    }

    @EventListener
    @Order(10)
    void onRescored(AccountsRescored event) {
        ClassificationReport report = event.wholePool()
                ? classification.classifyAll(NicheClassification.Progress.NONE)
                : classification.classify(event.accountIds(), NicheClassification.Progress.NONE);
        log.info(
                "Classified niches of {} accounts ({} embedded, {} unchanged) in {} ms",
                report.accounts(),
                report.embedded(),
                report.reused(),
                report.elapsed().toMillis());
    }
}
