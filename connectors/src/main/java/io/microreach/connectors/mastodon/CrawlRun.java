package io.microreach.connectors.mastodon;

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
import java.util.Set;

/** What one run shares across its steps: the calls, the state, the limits, the sink and what went wrong. */
final class CrawlRun extends RunLedger {
    final InstanceApi api;

    CrawlRun(
            InstanceApi api,
            SourceTasks tasks,
            CrawlOptions options,
            RequestBudget budget,
            Clock clock,
            RecordSink sink) {
        super(tasks, options, budget, clock, sink);
        this.api = api;
    }

    /**
     * Emits the account and today's point of its follower history. An account without a follower count (a server
     * that hides it answers -1) cannot be an {@link Account}, whose follower count is required, and is reported
     * instead of being stored as zero. Bot accounts are stored like any other (the platform flags them; the core has
     * no field for it) and named in the problems so that a reviewer sees them.
     */
    boolean emitAccount(Profile p) {
        if (p.followers() == null) {
            problem("account " + p.handle() + " reports no follower count; not stored");
            return false;
        }
        if (p.bot()) {
            problem("account " + p.handle() + " is flagged as a bot; stored");
        }
        Instant now = clock.instant();
        String id = api.qualify(p.id());
        emit(new Account(
                Platform.MASTODON,
                id,
                p.handle(),
                p.displayName(),
                p.note(),
                null, // Mastodon profiles state no country
                null, // nor a language; statuses carry one, which the Post record has no field for
                p.followers(),
                p.following(),
                p.statuses(),
                false, // no identity verification exists; a verified profile link is only a link
                false,
                false,
                p.link(),
                null,
                null,
                now));
        emit(new FollowerCount(Platform.MASTODON, id, LocalDate.ofInstant(now, ZoneOffset.UTC), p.followers()));
        return true;
    }

    /** Whether the task already sent {@code next} in this run: a page token that comes back would loop forever. */
    boolean repeated(String task, String next, Set<String> sent) {
        if (sent.contains(next)) {
            problem(task + ": the page token " + next + " came back; stopped paging instead of looping");
            return true;
        }
        return false;
    }
}
