package io.microreach.connectors;

import io.microreach.domain.DataRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every connector's run shares across its steps: the source's checkpoints, the limits, the request budget, the
 * clock that stamps observations, the sink, and the account of what the run did (records handed on, problems met).
 * Each connector's run extends it with its platform's API. The fields are final references a run's steps read
 * directly; what changes (records, problems) goes through methods.
 */
public abstract class RunLedger {
    public final SourceTasks tasks;
    public final CrawlOptions options;
    public final RequestBudget budget;
    public final Clock clock;
    private final RecordSink sink;
    private final List<String> problems = new ArrayList<>();
    private long records;

    protected RunLedger(SourceTasks tasks, CrawlOptions options, RequestBudget budget, Clock clock, RecordSink sink) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.options = Objects.requireNonNull(options, "options");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void emit(DataRecord record) {
        sink.accept(record);
        records++;
    }

    public long records() {
        return records;
    }

    /** Notes what was skipped and why, for the crawl report. */
    public void problem(String text) {
        problems.add(redact(text));
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** A source whose problems could carry a credential (a token in an echoed URL) removes it here. */
    protected String redact(String text) {
        return text;
    }

    /**
     * Runs a discovery to its end, its account budget, its request budget or a failure that outlived the retries.
     * Such a failure ends the run when {@link #stopFor} names a reason (a spent quota, a dead token), and is otherwise
     * noted as this discovery's problem: what was accepted so far is kept either way.
     */
    public CrawlResult discover(Discoverer discovery, DiscoveryQuery query) {
        try {
            if (!discovery.full()) {
                switch (query.kind()) {
                    case KEYWORD -> discovery.keyword(query.value());
                    case SEED -> discovery.snowball(query.value(), query.depth());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(discovery.acceptedThisRun(), StopReason.REQUEST_BUDGET);
        } catch (RuntimeException e) {
            StopReason stop = stopFor(e);
            if (stop != null) {
                return result(discovery.acceptedThisRun(), stop);
            }
            problem("discovery " + query.value() + ": " + e.getMessage());
        }
        return result(discovery.acceptedThisRun(), discovery.full() ? StopReason.ACCOUNT_BUDGET : StopReason.COMPLETED);
    }

    /**
     * Whether a failure that outlived the retries ends the whole run: a reason (after noting why as a problem), or
     * {@code null} when only the step it happened in is given up. A {@link ConnectorException} is a step's failure;
     * anything else is not a platform's answer and is thrown on. Sources with run-ending answers override this.
     */
    protected StopReason stopFor(RuntimeException e) {
        if (e instanceof ConnectorException) {
            return null;
        }
        throw e;
    }

    /** The run's result. */
    public CrawlResult result(List<String> accountIds, StopReason reason) {
        return new CrawlResult(accountIds, records, budget.spent(), reason, problems());
    }
}
