package io.microreach.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.DataRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The promises every {@link CreatorSource} keeps, checked against a stand-in server that speaks the platform's real
 * format: paging ends, no record comes twice, a crawl stopped after any number of requests and resumed with the same
 * state store emits exactly the records of an uninterrupted one, the request budget is a hard cap, and a finished
 * crawl run again with its store fetches nothing. A connector's test extends this class and answers the questions
 * below about its stand-in; the stand-in must be reset to its initial stubs before each test.
 */
public abstract class CreatorSourceContract {

    /** A connector pointed at the stand-in, on a fake clock and sleeper so that waiting costs no time. */
    protected abstract CreatorSource source();

    /** Accounts (handles or ids) whose crawl the stand-in can answer completely. */
    protected abstract List<String> accounts();

    /** Requests the stand-in has received since the last {@link #resetRequestCount()}. */
    protected abstract long requestCount();

    protected abstract void resetRequestCount();

    /** The options of the uninterrupted crawl; small enough for the stand-in's fixtures to end every page chain. */
    protected CrawlOptions options() {
        return CrawlOptions.DEFAULT;
    }

    private List<DataRecord> uninterrupted() {
        List<DataRecord> records = new ArrayList<>();
        CrawlResult r = source().fetchCreators(accounts(), options(), new InMemoryCrawlStateStore(), records::add);
        assertThat(r.stopReason())
                .as("uninterrupted crawl; problems %s", r.problems())
                .isEqualTo(StopReason.COMPLETED);
        assertThat(r.records()).isEqualTo(records.size());
        return records;
    }

    @Test
    void pagingEndsAndNoRecordComesTwice() {
        resetRequestCount();
        List<DataRecord> records = uninterrupted();

        assertThat(records).isNotEmpty();
        assertThat(new HashSet<>(records)).as("distinct records").hasSameSizeAs(records);
        assertThat(requestCount()).isPositive();
    }

    @Test
    void aCrawlStoppedAfterAnyNumberOfRequestsResumesToTheSameRecords() {
        resetRequestCount();
        List<DataRecord> expected = uninterrupted();
        long total = requestCount();

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            resetRequestCount();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first =
                    source().fetchCreators(accounts(), options().withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).as("stop after %d", stopAfter).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(first.requests()).isEqualTo(stopAfter);
            assertThat(requestCount()).as("the budget is a hard cap").isEqualTo(stopAfter);

            CrawlResult second = source().fetchCreators(accounts(), options(), state, records::add);
            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFinishedCrawlRunAgainWithTheSameStoreFetchesNothing() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        source().fetchCreators(accounts(), options(), state, r -> {});
        resetRequestCount();

        CrawlResult again = source().fetchCreators(accounts(), options(), state, r -> {});

        assertThat(again.records()).isZero();
        assertThat(requestCount()).isZero();
    }
}
