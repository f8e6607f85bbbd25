package io.microreach.connectors.instagram;

import io.microreach.connectors.CrawlCheckpoint;
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
import java.util.List;
import java.util.Set;

/** What one run shares across its steps: the call, the state, the limits, the sink and what went wrong. */
final class CrawlRun extends RunLedger {
    final GraphApi api;

    CrawlRun(
            GraphApi api, SourceTasks tasks, CrawlOptions options, RequestBudget budget, Clock clock, RecordSink sink) {
        super(tasks, options, budget, clock, sink);
        this.api = api;
    }

    /** The access token blanked out wherever it might appear in a problem. */
    @Override
    protected String redact(String text) {
        return api.redact(text);
    }

    /**
     * Emits the account and today's point of its follower history. A profile without {@code followers_count}
     * cannot be an {@link Account} (its follower count is required) and is reported instead of being stored as 0.
     */
    boolean emitAccount(Profile p) {
        if (p.id() == null || p.username() == null) {
            problem("profile without id or username; not stored");
            return false;
        }
        if (p.followersCount() == null) {
            problem("profile " + p.username() + " has no followers_count; not stored");
            return false;
        }
        Instant now = clock.instant();
        emit(new Account(
                Platform.INSTAGRAM,
                p.id(),
                p.username(),
                p.name(),
                p.biography(),
                null, // Business Discovery states no country
                null, // nor a language; the core infers it from the captions
                p.followersCount(),
                p.followsCount(),
                p.mediaCount(),
                false, // the verified badge is not among Business Discovery's fields
                false, // every account it answers for is professional, but business and creator look alike
                false,
                p.website(),
                null, // contact buttons are not exposed
                null,
                now));
        emit(new FollowerCount(
                Platform.INSTAGRAM, p.id(), LocalDate.ofInstant(now, ZoneOffset.UTC), p.followersCount()));
        return true;
    }

    /** Whether {@code next} was already sent by this task in this run: a cursor that comes back ends the paging. */
    boolean repeated(String task, String current, String next, Set<String> sent) {
        if (next != null && (next.equals(current) || sent.contains(next))) {
            problem(task + ": the cursor " + next + " came back; stopped paging instead of looping");
            return true;
        }
        return false;
    }

    void finish(String task, List<String> emitted) {
        tasks.save(task, new CrawlCheckpoint(null, true, 1, emitted));
    }

    /**
     * A dead token and the token's spent rate limit end the run (run again with the same state once renewed or an hour
     * later); any other Graph API answer is a problem of the account or step it concerns.
     */
    @Override
    protected StopReason stopFor(RuntimeException e) {
        if (!(e instanceof GraphError g)) {
            return super.stopFor(e);
        }
        if (g.kind() == GraphError.Kind.TOKEN) {
            problem("stopped: the Instagram access token is expired, revoked or lacks a permission (" + g.getMessage()
                    + "); renew MICROREACH_INSTAGRAM_TOKEN and run again with the same state to resume");
            return StopReason.QUOTA;
        }
        if (g.kind() == GraphError.Kind.RATE_LIMIT) {
            problem("stopped: the Graph API rate limit of this token is reached (" + g.getMessage()
                    + "); it counts calls over a rolling hour, so run again with the same state in an hour");
            return StopReason.QUOTA;
        }
        return null;
    }
}
