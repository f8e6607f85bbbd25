package io.microreach.app.niches;

import io.microreach.app.scoring.AccountsRescored;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Classifies the accounts that scoring just stored (all of them after a full run), and an account a user just
 * corrected, before the search index picks them up (order 10; search is 20). Embeddings are reused where the content did not change, so the incremental path
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
        logReport(
                event.wholePool()
                        ? classification.classifyAll(NicheClassification.Progress.NONE)
                        : classification.classify(event.measured(), NicheClassification.Progress.NONE));
    }

    /** A corrected account is classified again, exactly as after a rescore of that one account. */
    @EventListener
    @Order(10)
    void onCorrected(NicheCorrected event) {
        logReport(classification.classify(List.of(event.accountId()), NicheClassification.Progress.NONE));
    }

    private static void logReport(ClassificationReport report) {
        log.info(
                "Classified niches of {} accounts ({} embedded, {} unchanged) in {} ms",
                report.accounts(),
                report.embedded(),
                report.reused(),
                report.elapsed().toMillis());
    }
}
