package io.microreach.connectors.bluesky;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.KnownAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings known accounts up to date at the lowest request count the AppView allows.
 *
 * <p>Profiles come 25 at a time from {@code app.bsky.actor.getProfiles} (the lexicon's maximum), so 25 unchanged
 * accounts cost one request: each profile becomes an Account and today's FollowerCount, and its {@code postsCount}
 * is compared with the count of the last sync. {@code postsCount} counts every record of the author's post
 * collection (replies included), so an unchanged count means no new own post; a changed one (a new reply, or a
 * deletion) costs one {@code getAuthorFeed} page ({@code filter=posts_no_replies}, newest first, the crawl's filter)
 * or more, read until an own post published at or before {@link KnownAccount#newestPostAt()}. Reposts carry a
 * {@code reason} and are skipped without ending the walk: they are sorted by the time of the repost, not of the post.
 * New posts with replies then get their thread ({@code getPostThread}), at most {@code maxThreadsPerAccount}.
 *
 * <p>Known limits: a post deleted and another published between two syncs leave the count unchanged and the new post
 * unseen until the count moves; replies that arrive after the sync that saw their post are not fetched again.
 *
 * <p>Tasks: {@code refresh-profiles:FIRST..LAST} per batch, with {@code refresh-changed:FIRST..LAST} listing the
 * accounts whose count changed (so a resumed run needs no profile request to know which feeds to read), {@code
 * refresh-feed:DID}, {@code refresh-threads:DID} and {@code refresh-thread:URI}; as in the crawl, a checkpoint is
 * saved only after the records of its page went to the sink. API:
 * https://docs.bsky.app/docs/api/app-bsky-actor-get-profiles and
 * https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed.
 */
final class Refresh {
    private final CrawlRun run;

    Refresh(CrawlRun run) {
        this.run = run;
    }

    /** Refreshes one batch of at most 25 accounts; returns the DIDs whose profile the AppView returned. */
    List<String> batch(List<KnownAccount> batch) {
        String task = "refresh-profiles:" + batch.get(0).platformId() + ".."
                + batch.get(batch.size() - 1).platformId();
        CrawlCheckpoint cp = run.tasks.load(task);
        Map<String, KnownAccount> byDid = new LinkedHashMap<>();
        for (KnownAccount k : batch) {
            byDid.putIfAbsent(k.platformId(), k);
        }
        String changedTask = "refresh-changed:" + task.substring("refresh-profiles:".length());
        List<String> found;
        List<String> changed;
        if (cp.finished()) {
            found = new ArrayList<>(cp.emitted());
            changed = run.tasks.load(changedTask).emitted();
        } else {
            found = new ArrayList<>();
            changed = new ArrayList<>();
            Set<String> returned = new HashSet<>();
            for (Profile p : run.appView.profiles(List.copyOf(byDid.keySet()))) {
                KnownAccount known = byDid.get(p.did());
                if (known == null || !returned.add(p.did())) {
                    continue;
                }
                if (run.emitAccount(p)) {
                    found.add(p.did());
                    if (known.postsCount() == null || !known.postsCount().equals(p.postsCount())) {
                        changed.add(p.did());
                    }
                }
            }
            for (String did : byDid.keySet()) {
                if (!returned.contains(did)) {
                    run.problem("account " + did + " not returned by getProfiles (deleted or suspended)");
                }
            }
            // no request between the two saves, so a budget stop cannot fall between them
            run.tasks.save(changedTask, new CrawlCheckpoint(null, true, 1, changed));
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, found));
        }
        for (String did : changed) {
            try {
                feed(byDid.get(did));
                CreatorCrawl.threads(run, "refresh-threads:" + did, "refresh-thread:");
            } catch (ConnectorException e) {
                // the open task is retried by the next run with the same store; the other accounts go on
                run.problem("account " + did + ": " + e.getMessage());
                found.remove(did);
            }
        }
        return found;
    }

    private void feed(KnownAccount known) {
        String did = known.platformId();
        String task = "refresh-feed:" + did;
        String threadsTask = "refresh-threads:" + did;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        Instant since = known.newestPostAt();
        int max = run.options.maxPostsPerAccount();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            Page<FeedPost> page;
            try {
                page = run.appView.authorFeed(did, max - emitted.size(), cursor);
            } catch (ConnectorException e) {
                if (e.status() != 400) {
                    throw e;
                }
                // AccountTakedown, AccountDeactivated, BlockedActor: nothing to read, now or on a retry
                run.problem(task + ": " + e.getMessage());
                run.tasks.save(task, new CrawlCheckpoint(null, true, pages, List.copyOf(emitted)));
                return;
            }
            boolean reachedKnown = false;
            List<String> withReplies = new ArrayList<>();
            for (FeedPost item : page.items()) {
                if (!item.ownPost()) {
                    continue;
                }
                if (since != null && !item.post().publishedAt().isAfter(since)) {
                    reachedKnown = true;
                    break;
                }
                String uri = item.post().platformId();
                if (emitted.size() < max && emitted.add(uri)) {
                    run.emit(item.post());
                    if (item.replyCount() > 0) {
                        withReplies.add(uri);
                    }
                }
            }
            if (!withReplies.isEmpty()) {
                Set<String> candidates =
                        new LinkedHashSet<>(run.tasks.load(threadsTask).emitted());
                candidates.addAll(withReplies);
                run.tasks.save(threadsTask, new CrawlCheckpoint(null, true, 0, List.copyOf(candidates)));
            }
            sent.add(cursor);
            String next = page.cursor();
            finished = reachedKnown
                    || next == null
                    || page.items().isEmpty()
                    || emitted.size() >= max
                    || repeated(task, next, sent);
            pages++;
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    private boolean repeated(String task, String next, Set<String> sent) {
        if (sent.contains(next)) {
            run.problem(task + ": the cursor " + next + " came back; stopped paging instead of looping");
            return true;
        }
        return false;
    }
}
