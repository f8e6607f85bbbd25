package io.microreach.connectors.mastodon;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches one creator in five resumable steps, each a task with its own checkpoint: the account ({@code
 * profile:INPUT}), its statuses ({@code feed:ID}, remembering the posts with replies in {@code threads:ID}), the
 * reply threads of those posts ({@code thread:STATUS}), a follower sample ({@code followers:ID}) and, for the first
 * sampled followers, the accounts they follow ({@code follows:ID:FOLLOWER}) to find follow edges inside the sample.
 * A refresh runs the feed and thread steps under its own prefix, stopping at the newest stored post.
 *
 * <p>Resuming without duplicates rests on one order: a page's records go to the sink first, then the checkpoint with
 * the next page token and the emitted ids is saved. A stop between the two makes the next run fetch that page again,
 * and the emitted ids keep its records from being emitted twice. A budget stop happens before a request, so no
 * response is half used. Mastodon's account entities carry their counts, so no page needs a second request to
 * complete it. Every list is requested with the documented maximum page size, so a resumed crawl sees the same pages
 * as an uninterrupted one. A page token that the task already sent in this run ends the task with a problem instead
 * of looping.
 */
final class CreatorCrawl {
    private final CrawlRun run;
    private final String prefix;

    CreatorCrawl(CrawlRun run, String prefix) {
        this.run = run;
        this.prefix = prefix;
    }

    /** Crawls one account; returns its platform id, or {@code null} when the instance does not know it. */
    String crawl(String input) {
        String id = profile(input);
        if (id == null) {
            return null;
        }
        feed(id, null);
        threads(id);
        followers(id);
        followEdges(id);
        return id;
    }

    private String profile(String input) {
        String task = prefix + "profile:" + input;
        CrawlCheckpoint cp = run.tasks.load(task);
        if (cp.finished()) {
            return cp.emitted().isEmpty() ? null : cp.emitted().get(0);
        }
        Profile p = resolve(input, task);
        if (p == null) {
            return null;
        }
        boolean stored = run.emitAccount(p);
        String id = run.api.qualify(p.id());
        run.tasks.save(task, new CrawlCheckpoint(null, true, 1, stored ? List.of(id) : List.of()));
        return stored ? id : null;
    }

    /**
     * The account an input names: {@code host:id} (a platform id of this instance), {@code user}, {@code user@host},
     * {@code @user@host} or a profile URL {@code https://host/@user}. {@code null}, with a problem and the task
     * finished, when the instance does not know it.
     */
    Profile resolve(String input, String task) {
        AccountRef ref = AccountRef.parse(input, run.api.host());
        if (ref == null) {
            run.problem("account " + input + ": neither a handle nor an id of " + run.api.host());
            run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
            return null;
        }
        try {
            return ref.localId() != null ? run.api.account(ref.localId()) : run.api.lookup(ref.acct());
        } catch (ConnectorException e) {
            if (!gone(e)) {
                throw e; // transient trouble that outlived the retries: leave the task open for the next run
            }
            run.problem("account " + input + " not found: " + e.getMessage());
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
            return null;
        }
    }

    /**
     * Pages through the account's statuses, newest first, emitting its posts (not its replies to itself) up to the
     * options' limit and, when {@code after} is given, only those published after it: the first older status ends
     * the task, since the list is ordered by id and ids grow with time.
     */
    void feed(String id, Instant after) {
        String task = prefix + "feed:" + id;
        String threadsTask = prefix + "threads:" + id;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        int max = run.options.maxPostsPerAccount();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            Page<Status> page = run.api.statuses(local(id), cursor);
            List<String> withReplies = new ArrayList<>();
            boolean reachedKnown = false;
            for (Status s : page.items()) {
                Post post = s.post();
                if (after != null && !post.publishedAt().isAfter(after)) {
                    reachedKnown = true;
                    break;
                }
                if (!s.reply() && emitted.size() < max && emitted.add(post.platformId())) {
                    run.emit(post);
                    if (s.replies() > 0) {
                        withReplies.add(post.platformId());
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
            String next = page.next();
            finished = next == null
                    || page.items().isEmpty()
                    || reachedKnown
                    || emitted.size() >= max
                    || run.repeated(task, next, sent);
            pages++;
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    /** Fetches the context of the first posts with replies; its descendants become comments. */
    void threads(String id) {
        List<String> candidates = run.tasks.load(prefix + "threads:" + id).emitted();
        int n = Math.min(run.options.maxThreadsPerAccount(), candidates.size());
        for (int i = 0; i < n; i++) {
            String post = candidates.get(i);
            String task = prefix + "thread:" + post;
            if (run.tasks.load(task).finished()) {
                continue;
            }
            ReplyThread thread;
            try {
                thread = run.api.context(local(post));
            } catch (ConnectorException e) {
                if (!gone(e)) {
                    throw e;
                }
                run.problem("thread " + post + " not found (deleted since?): " + e.getMessage());
                run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
                continue;
            }
            for (Comment c : thread.replies()) {
                run.emit(c);
            }
            if (thread.orphans() > 0) {
                run.problem("thread " + post + ": " + thread.orphans()
                        + " replies to a deleted or hidden reply kept without their parent");
            }
            if (thread.truncated()) {
                run.problem("thread " + post + ": the public API shows at most " + InstanceApi.PUBLIC_DESCENDANTS
                        + " replies; the rest were not seen");
            }
            run.tasks.save(task, new CrawlCheckpoint(null, true, 1, List.of()));
        }
    }

    /**
     * Samples the first followers the instance lists (most recent follows first), 80 a page. For a remote creator
     * the instance lists only the followers it knows of, and an account that hides its network lists none.
     */
    private void followers(String id) {
        String task = prefix + "followers:" + id;
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> emitted = new LinkedHashSet<>(cp.emitted());
        Set<String> sent = new HashSet<>();
        int max = run.options.followerSampleSize();
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished() || emitted.size() >= max;
        while (!finished) {
            Page<Profile> page = run.api.followers(local(id), cursor);
            for (Profile f : page.items()) {
                String fid = run.api.qualify(f.id());
                if (emitted.size() < max && emitted.add(fid)) {
                    run.emit(sample(id, fid, f));
                }
            }
            if (pages == 0 && page.items().isEmpty()) {
                run.problem("followers of " + id + ": none listed (hidden by the account, or none known)");
            }
            sent.add(cursor);
            String next = page.next();
            finished =
                    next == null || page.items().isEmpty() || emitted.size() >= max || run.repeated(task, next, sent);
            pages++;
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
            cursor = next;
        }
    }

    private FollowerSample sample(String account, String follower, Profile f) {
        return new FollowerSample(
                Platform.MASTODON,
                account,
                follower,
                f.handle(),
                f.displayName(),
                f.note(),
                f.followers(),
                f.following(),
                f.statuses(),
                f.avatar() == null ? null : !f.avatarMissing(),
                // a locked account approves its followers, Mastodon's nearest to a private profile
                f.locked(),
                null, // Mastodon has no verified badge
                f.link(),
                run.clock.instant());
    }

    /** Reads whom the first sampled followers follow and keeps the edges whose both ends are in the sample. */
    private void followEdges(String id) {
        List<String> sample = run.tasks.load(prefix + "followers:" + id).emitted();
        Set<String> inSample = new HashSet<>(sample);
        int n = Math.min(run.options.followsSampleSize(), sample.size());
        for (int i = 0; i < n; i++) {
            String follower = sample.get(i);
            String task = prefix + "follows:" + id + ":" + follower;
            CrawlCheckpoint cp = run.tasks.load(task);
            Set<String> emitted = new LinkedHashSet<>(cp.emitted());
            Set<String> sent = new HashSet<>();
            String cursor = cp.cursor();
            int pages = cp.pages();
            boolean finished = cp.finished() || pages >= run.options.maxFollowsPagesPerFollower();
            while (!finished) {
                Page<Profile> page;
                try {
                    page = run.api.following(local(follower), cursor);
                } catch (ConnectorException e) {
                    if (!gone(e)) {
                        throw e;
                    }
                    run.problem("follows of " + follower + " not found: " + e.getMessage());
                    run.tasks.save(task, new CrawlCheckpoint(null, true, pages, List.copyOf(emitted)));
                    break;
                }
                for (Profile target : page.items()) {
                    String t = run.api.qualify(target.id());
                    if (inSample.contains(t) && !t.equals(follower) && emitted.add(t)) {
                        run.emit(new FollowEdge(Platform.MASTODON, id, follower, t));
                    }
                }
                sent.add(cursor);
                String next = page.next();
                pages++;
                finished = next == null
                        || page.items().isEmpty()
                        || pages >= run.options.maxFollowsPagesPerFollower()
                        || run.repeated(task, next, sent);
                run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(emitted)));
                cursor = next;
            }
        }
    }

    /** The instance's own id inside a platform id {@code host:id}. */
    private String local(String platformId) {
        return platformId.substring(run.api.host().length() + 1);
    }

    /** 404 (no such account or status) and 410 (suspended, Mastodon 2.4 to 3.3) are final answers about the item. */
    static boolean gone(ConnectorException e) {
        return e.status() == 404 || e.status() == 410;
    }
}
