package io.microreach.connectors.bluesky;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.RecordSink;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.RunLedger;
import io.microreach.connectors.SourceTasks;
import io.microreach.domain.Account;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What one run shares across its steps: the calls, the state, the limits, the sink and what went wrong. */
final class CrawlRun extends RunLedger {
    final AppView appView;

    CrawlRun(
            AppView appView,
            SourceTasks tasks,
            CrawlOptions options,
            RequestBudget budget,
            Clock clock,
            RecordSink sink) {
        super(tasks, options, budget, clock, sink);
        this.appView = appView;
    }

    /**
     * Emits the account and today's point of its follower history. A profile without {@code followersCount} cannot
     * be an {@link Account} (its follower count is required) and is reported instead of being stored as zero.
     */
    boolean emitAccount(Profile p) {
        if (p.followersCount() == null) {
            problem("profile " + p.did() + " has no followersCount; not stored");
            return false;
        }
        Instant now = clock.instant();
        emit(new Account(
                Platform.BLUESKY,
                p.did(),
                p.handle(),
                p.displayName(),
                p.description(),
                null, // Bluesky profiles state no country
                null, // nor a language; posts carry langs, the core infers the account's
                p.followersCount(),
                p.followsCount(),
                p.postsCount(),
                p.verified(),
                false,
                false,
                null,
                null,
                null,
                now));
        emit(new FollowerCount(
                Platform.BLUESKY, p.did(), LocalDate.ofInstant(now, ZoneOffset.UTC), p.followersCount()));
        return true;
    }
}
