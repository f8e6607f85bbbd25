package io.microreach.connectors.bluesky;

import io.microreach.connectors.AcceptedAccounts;
import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.Discoverer;
import io.microreach.connectors.DiscoveryQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Finds creators within the follower band, by keyword or by snowball from a seed.
 *
 * <p>Both walk paged lists of candidate accounts: {@code searchActors}, then the authors of {@code searchPosts},
 * for a keyword; {@code getFollows} of the seed
 * (and, at depth 2 and beyond, of the accounts accepted at the previous hop) for a snowball; accounts a creator
 * follows are the likeliest to share their niche. List views carry no follower counts, so candidates are checked 25
 * at a time with {@code getProfiles}, and only those inside the band are accepted and emitted. Each list task
 * remembers the candidates it checked, and the accepted set is its own task ({@code accepted:QUERY}), saved with
 * each batch; an account already accepted is not checked again. A restarted discovery therefore rebuilds the same
 * frontier from finished tasks without a request and emits no account twice. Discovery stops when the account
 * budget is reached, when the lists end, or when the request budget is spent.
 */
final class Discovery implements Discoverer {
    private final CrawlRun run;
    private final String key;
    private final AcceptedAccounts accepted;

    Discovery(CrawlRun run, DiscoveryQuery query) {
        this.run = run;
        this.key = query.kind().name().toLowerCase(Locale.ROOT) + ":" + query.value() + ":" + query.depth();
        this.accepted = new AcceptedAccounts(run.tasks, key, run.options.maxAccounts());
    }

    @Override
    public List<String> acceptedThisRun() {
        return accepted.thisRun();
    }

    @Override
    public boolean full() {
        return accepted.full();
    }

    /**
     * Profiles whose name or bio match first ({@code searchActors}), then the authors of matching posts ({@code
     * searchPosts}): a creator who posts about a topic without naming it in their bio is found only by the second.
     * Candidates the first list already checked are not checked again. The public AppView often refuses post search
     * without a login (403, and always with a cursor: bluesky-social/atproto#3423, #2838), so a 400 or 403 ends that
     * list with a problem and keeps what the profile search found.
     */
    @Override
    public void keyword(String keyword) {
        List<String> byProfile =
                walk("search:" + key, (limit, cursor) -> run.appView.searchActors(keyword, limit, cursor), Set.of());
        if (full()) {
            return;
        }
        String postsTask = "search-posts:" + key;
        try {
            walk(
                    postsTask,
                    (limit, cursor) -> run.appView.searchPostAuthors(keyword, limit, cursor),
                    new HashSet<>(byProfile));
        } catch (ConnectorException e) {
            if (e.status() != 400 && e.status() != 403) {
                throw e;
            }
            String why = "post search refused (" + e.status() + "); kept the profile search's accounts";
            run.problem(postsTask + ": " + why);
            CrawlCheckpoint cp = run.tasks.load(postsTask);
            run.tasks.save(postsTask, new CrawlCheckpoint(cp.cursor(), true, cp.pages(), cp.emitted()));
        }
    }

    @Override
    public void snowball(String seed, int depth) {
        String seedTask = "seed:" + key;
        CrawlCheckpoint cp = run.tasks.load(seedTask);
        String seedDid;
        if (cp.finished()) {
            seedDid = cp.emitted().isEmpty() ? null : cp.emitted().get(0);
        } else {
            try {
                seedDid = run.appView.profile(seed).did();
            } catch (ConnectorException e) {
                if (e.status() != 400) {
                    throw e;
                }
                run.problem("seed " + seed + " not found: " + e.getMessage());
                seedDid = null;
            }
            run.tasks.save(
                    seedTask, new CrawlCheckpoint(null, true, 1, seedDid == null ? List.of() : List.of(seedDid)));
        }
        if (seedDid == null) {
            return;
        }
        Set<String> visited = new HashSet<>(List.of(seedDid));
        List<String> frontier = List.of(seedDid);
        for (int hop = 1; hop <= depth && !frontier.isEmpty() && !full(); hop++) {
            List<String> next = new ArrayList<>();
            for (String account : frontier) {
                if (full()) {
                    break;
                }
                List<String> checked = walk(
                        "follows-of:" + key + ":" + account,
                        (limit, cursor) -> run.appView.follows(account, limit, cursor),
                        Set.of());
                for (String c : checked) {
                    if (accepted.contains(c) && visited.add(c)) {
                        next.add(c);
                    }
                }
            }
            frontier = next;
        }
    }

    /** Pages through one candidate list, checking new candidates; returns every candidate the task has checked. */
    private List<String> walk(
            String task, BiFunction<Integer, String, Page<Profile>> list, Set<String> checkedElsewhere) {
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> checked = new LinkedHashSet<>(cp.emitted());
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        Set<String> sent = new HashSet<>();
        int maxPages = run.options.maxFollowsPagesPerFollower();
        boolean pageLimited = task.startsWith("follows-of:");
        while (!finished && !full()) {
            Page<Profile> page = list.apply(AppView.MAX_PAGE, cursor);
            List<String> fresh = new ArrayList<>();
            for (Profile p : page.items()) {
                if (!checked.contains(p.did())
                        && !accepted.contains(p.did())
                        && !checkedElsewhere.contains(p.did())
                        && !fresh.contains(p.did())) {
                    fresh.add(p.did());
                }
            }
            for (int i = 0; i < fresh.size() && !full(); i += AppView.MAX_PROFILES) {
                List<String> batch = fresh.subList(i, Math.min(fresh.size(), i + AppView.MAX_PROFILES));
                for (Profile p : run.appView.profiles(batch)) {
                    if (!full()
                            && p.followersCount() != null
                            && run.options.inBand(p.followersCount())
                            && !accepted.contains(p.did())
                            && run.emitAccount(p)) {
                        accepted.add(p.did());
                    }
                }
                checked.addAll(batch);
                // the accepted set first: a stop between the two saves re-checks the batch but emits nothing twice
                accepted.save();
                run.tasks.save(task, new CrawlCheckpoint(cursor, false, pages, List.copyOf(checked)));
            }
            if (full() && !checked.containsAll(fresh)) {
                break; // the rest of this page stays unchecked: the task stays open at this page
            }
            sent.add(cursor);
            String next = page.cursor();
            pages++;
            finished = next == null || page.items().isEmpty() || (pageLimited && pages >= maxPages);
            if (!finished && sent.contains(next)) {
                run.problem(task + ": the cursor " + next + " came back; stopped paging instead of looping");
                finished = true;
            }
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(checked)));
            cursor = next;
        }
        return List.copyOf(checked);
    }
}
