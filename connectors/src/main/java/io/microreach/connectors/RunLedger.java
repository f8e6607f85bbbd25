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

    /** The run's result. */
    public CrawlResult result(List<String> accountIds, StopReason reason) {
        return new CrawlResult(accountIds, records, budget.spent(), reason, problems());
    }
}
