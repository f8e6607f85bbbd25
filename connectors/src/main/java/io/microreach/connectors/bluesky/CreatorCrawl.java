package io.microreach.connectors.bluesky;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches one creator in five resumable steps, each a task with its own checkpoint: the profile ({@code
 * profile:ACTOR}), the author feed ({@code feed:DID}, remembering the posts with replies in {@code threads:DID}),
 * the reply threads of those posts ({@code thread:URI}), a follower sample ({@code followers:DID}) and, for the
 * first sampled followers, their follows ({@code follows:DID:FOLLOWER}) to find follow edges inside the sample.
 *
 * <p>Resuming without duplicates rests on one order: a page's records go to the sink first, then the checkpoint with
 * the next cursor and the emitted ids is saved. A stop between the two makes the next run fetch that page again,
 * and the emitted ids keep its records from being emitted twice. A budget stop happens before a request, so no
 * response is half used, with one exception: a follower page is completed by {@code getProfiles} calls, and a
 * budget stop between the page and those calls makes the next run fetch that page again (one repeated request).
 * Pages of one task are only ever requested with the same size for the same state, so the resumed crawl sees the
 * same pages as an uninterrupted one. A cursor that comes back unchanged, or that the task already sent in this run,
 * ends the task with a problem instead of looping.
 */
final class CreatorCrawl {
    private final CrawlRun run;

    CreatorCrawl(CrawlRun run) {
        this.run = run;
    }

    /** Crawls one account; returns its DID, or {@code null} when the AppView does not know it. */
    String crawl(String actor) {
        String did = profile(actor);
        if (did == null) {
            return null;
        }
        feed(did);
        threads(did);
        followers(did);
        followEdges(did);
        return did;
    }

    private String profile(String actor) {
        String task = "profile:" + actor;
        CrawlCheckpoint cp = run.tasks.load(task);
        if (cp.finished()) {
            return cp.emitted().isEmpty() ? null : cp.emitted().get(0);
        }
        Profile p;
        try {
            p = run.appView.profile(actor);
        } catch (ConnectorException e) {
            if (e.status() != 400) {
                throw e; // transient trouble that outlived the retries: leave the task open for the next run
            }
            run.problem("account " + actor + " not found: " + e.getMessage());
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
            return null;
        }
        boolean stored = run.emitAccount(p);
        run.tasks.save(task, new CrawlCheckpoint(null, true, 1, stored ? List.of(p.did()) : List.of()));
        return stored ? p.did() : null;
    }

    private void feed(String did) {
        String task = "feed:" + did;
        String threadsTask = "threads:" + did;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        int max = run.options.maxPostsPerAccount();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            Page<FeedPost> page = run.appView.authorFeed(did, max - emitted.size(), cursor);
            List<String> withReplies = new ArrayList<>();
            for (FeedPost item : page.items()) {
                String uri = item.post().platformId();
                if (item.ownPost() && emitted.size() < max && emitted.add(uri)) {
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
            finished = next == null || page.items().isEmpty() || emitted.size() >= max || repeated(task, next, sent);
            pages++;
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    private void threads(String did) {
        threads(run, "threads:" + did, "thread:");
    }

    /**
     * Fetches the reply threads of the first {@code maxThreadsPerAccount} posts listed in {@code candidatesTask},
     * each its own task ({@code taskPrefix + URI}); shared with the refresh, which lists only new posts.
     */
    static void threads(CrawlRun run, String candidatesTask, String taskPrefix) {
        List<String> candidates = run.tasks.load(candidatesTask).emitted();
        int n = Math.min(run.options.maxThreadsPerAccount(), candidates.size());
        for (int i = 0; i < n; i++) {
            String uri = candidates.get(i);
            String task = taskPrefix + uri;
            if (run.tasks.load(task).finished()) {
                continue;
            }
            ReplyThread thread;
            try {
                thread = run.appView.thread(uri);
            } catch (ConnectorException e) {
                if (e.status() != 400) {
                    throw e;
                }
                run.problem("thread " + uri + " not found: " + e.getMessage());
                run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
                continue;
            }
            for (Comment c : thread.replies()) {
                run.emit(c);
            }
            if (thread.deleted() + thread.blocked() > 0) {
                run.problem("thread " + uri + ": " + thread.deleted() + " deleted and " + thread.blocked()
                        + " blocked replies skipped");
            }
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
        }
    }

    /**
     * Samples the first followers the AppView lists (newest first). The follower views carry no counts, so each page
     * is completed with {@code getProfiles} (25 a call): the suspicious-follower signals need followers, follows and
     * posts of every sampled follower. A follower {@code getProfiles} does not return keeps {@code null} counts.
     */
    private void followers(String did) {
        String task = "followers:" + did;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        int max = run.options.followerSampleSize();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            Page<Profile> page = run.appView.followers(did, max - emitted.size(), cursor);
            List<Profile> fresh = new ArrayList<>();
            Set<String> freshIds = new HashSet<>();
            for (Profile f : page.items()) {
                if (emitted.size() + fresh.size() < max && !emitted.contains(f.did()) && freshIds.add(f.did())) {
                    fresh.add(f);
                }
            }
            Map<String, Profile> detailed = new HashMap<>();
            for (int i = 0; i < fresh.size(); i += AppView.MAX_PROFILES) {
                List<String> ids = fresh.subList(i, Math.min(fresh.size(), i + AppView.MAX_PROFILES)).stream()
                        .map(Profile::did)
                        .toList();
                for (Profile p : run.appView.profiles(ids)) {
                    detailed.put(p.did(), p);
                }
            }
            for (Profile f : fresh) {
                Profile p = detailed.getOrDefault(f.did(), f);
                run.emit(new FollowerSample(
                        Platform.BLUESKY,
                        did,
                        f.did(),
                        f.handle(),
                        f.displayName(),
                        f.description(),
                        p.followersCount(),
                        p.followsCount(),
                        p.postsCount(),
                        f.avatar() != null,
                        false, // every Bluesky account is public
                        p.verified(),
                        null,
                        run.clock.instant()));
                emitted.add(f.did());
            }
            sent.add(cursor);
            String next = page.cursor();
            finished = next == null || page.items().isEmpty() || emitted.size() >= max || repeated(task, next, sent);
            pages++;
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    /** Reads the follows of the first sampled followers and keeps the edges whose both ends are in the sample. */
    private void followEdges(String did) {
        List<String> sample = run.tasks.load("followers:" + did).emitted();
        Set<String> inSample = new HashSet<>(sample);
        int n = Math.min(run.options.followsSampleSize(), sample.size());
        for (int i = 0; i < n; i++) {
            String follower = sample.get(i);
            String task = "follows:" + did + ":" + follower;
            CrawlCheckpoint cp = run.tasks.load(task);
            Set<String> emitted = new LinkedHashSet<>(cp.emitted());
            Set<String> sent = new HashSet<>();
            String cursor = cp.cursor();
            int pages = cp.pages();
            boolean finished = cp.finished() || pages >= run.options.maxFollowsPagesPerFollower();
            while (!finished) {
                Page<Profile> page = run.appView.follows(follower, AppView.MAX_PAGE, cursor);
                for (Profile target : page.items()) {
                    String t = target.did();
                    if (inSample.contains(t) && !t.equals(follower) && emitted.add(t)) {
                        run.emit(new FollowEdge(Platform.BLUESKY, did, follower, t));
                    }
                }
                sent.add(cursor);
                String next = page.cursor();
                pages++;
                finished = next == null
                        || page.items().isEmpty()
                        || pages >= run.options.maxFollowsPagesPerFollower()
                        || repeated(task, next, sent);
                run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
                cursor = next;
            }
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
