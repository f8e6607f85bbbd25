package io.microreach.connectors.mastodon;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.KnownAccount;
import java.util.List;
import java.util.Objects;

/**
 * Brings one known account up to date: one request for the account ({@code GET /api/v1/accounts/:id}, or {@code
 * accounts/lookup} by handle when the stored id is not this instance's), whose follower count becomes today's point
 * of the follower history. When its {@code statuses_count} equals the stored post count nothing else is fetched: a
 * new post, reply or boost would have raised it. Otherwise the statuses are paged from the newest until the first
 * one published at or before the newest stored post, and the threads of the new posts with replies are fetched.
 * (A deleted post and a new one in the same interval leave the count unchanged; the next change of the count, or a
 * full crawl, picks the new one up.) The tasks carry the prefix {@code refresh:}, so that a store shared with a full
 * crawl keeps the two apart.
 */
final class Refresh {
    static final String PREFIX = "refresh:";

    private final CrawlRun run;
    private final CreatorCrawl steps;

    Refresh(CrawlRun run) {
        this.run = run;
        this.steps = new CreatorCrawl(run, PREFIX);
    }

    /** Refreshes one account; returns its platform id, or {@code null} when it could not be found. */
    String refresh(KnownAccount known) {
        String task = PREFIX + "profile:" + known.platformId();
        CrawlCheckpoint cp = run.tasks.load(task);
        String id;
        boolean postsChanged;
        if (cp.finished()) {
            if (cp.emitted().isEmpty()) {
                return null;
            }
            id = cp.emitted().get(0);
            postsChanged = "changed".equals(cp.cursor());
        } else {
            AccountRef byId = AccountRef.parse(known.platformId(), run.api.host());
            String input = byId != null ? known.platformId() : known.handle();
            if (input == null) {
                run.problem("account " + known.platformId() + " is not of " + run.api.host() + " and has no handle");
                run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
                return null;
            }
            Profile p = steps.resolve(input, task);
            if (p == null || !run.emitAccount(p)) {
                run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
                return null;
            }
            id = run.api.qualify(p.id());
            postsChanged = known.postsCount() == null || !Objects.equals(known.postsCount(), p.statuses());
            run.tasks.save(task, new CrawlCheckpoint(postsChanged ? "changed" : "unchanged", true, 1, List.of(id)));
        }
        if (postsChanged) {
            steps.feed(id, known.newestPostAt());
            steps.threads(id);
        }
        return id;
    }
}
