package io.microreach.connectors.youtube;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.RecordSink;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.RunLedger;
import io.microreach.connectors.SourceTasks;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What one run shares across its steps: the calls, the state, the limits, the sink and what went wrong. */
final class CrawlRun extends RunLedger {
    final DataApi api;

    CrawlRun(DataApi api, SourceTasks tasks, CrawlOptions options, RequestBudget budget, Clock clock, RecordSink sink) {
        super(tasks, options, budget, clock, sink);
        this.api = api;
    }

    /**
     * Emits the channel as an account and today's point of its follower history. A channel that hides its subscriber
     * count, or whose resource lacks it, cannot be an {@link Account} (the follower count is required) and is
     * reported instead of being stored as zero. YouTube shows no subscriptions count, verification badge, business
     * flag or link in bio to the API, so those stay {@code null} or {@code false}.
     */
    boolean emitAccount(Channel c) {
        if (c.subscribers() == null) {
            problem("channel " + c.id()
                    + (c.hiddenSubscribers() ? " hides its subscriber count" : " has no subscriberCount")
                    + "; not stored");
            return false;
        }
        Instant now = clock.instant();
        emit(new Account(
                Platform.YOUTUBE,
                c.id(),
                c.handle() == null ? c.id() : c.handle(),
                c.title(),
                c.description(),
                c.country(),
                c.language(),
                c.subscribers(),
                null, // subscriptions are not counted by the API
                c.videoCount(),
                false, // the verification badge is not in the API
                false,
                false,
                null, // channel links are not in the API
                null,
                null,
                now));
        emit(new FollowerCount(Platform.YOUTUBE, c.id(), LocalDate.ofInstant(now, ZoneOffset.UTC), c.subscribers()));
        return true;
    }

    /** A spent daily quota ends the run; its message says when the quota resets. */
    @Override
    protected StopReason stopFor(RuntimeException e) {
        if (e instanceof Quota.Exhausted) {
            problem(e.getMessage());
            return StopReason.QUOTA;
        }
        return super.stopFor(e);
    }
}
