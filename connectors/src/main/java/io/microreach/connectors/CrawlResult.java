package io.microreach.connectors;

import java.util.List;

/**
 * What one crawl run did.
 *
 * @param accountIds platform ids of the accounts fetched (creator crawl) or accepted (discovery) in this run
 * @param records records handed to the sink in this run
 * @param requests HTTP requests made in this run (retries not counted)
 * @param problems what was skipped and why (an account not found, a cursor that repeated...), for the crawl report
 */
public record CrawlResult(
        List<String> accountIds, long records, long requests, StopReason stopReason, List<String> problems) {

    public CrawlResult {
        accountIds = List.copyOf(accountIds);
        problems = List.copyOf(problems);
    }
}
