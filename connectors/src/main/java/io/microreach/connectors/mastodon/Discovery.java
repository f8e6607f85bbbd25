package io.microreach.connectors.mastodon;

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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds creators within the follower band, by keyword or by snowball from a seed.
 *
 * <p>A keyword is looked up three times: among accounts ({@code /api/v2/search?type=accounts}, one page of 40, since
 * without a login the API refuses {@code offset}), as a hashtag, whose timeline ({@code /api/v1/timelines/tag/:tag})
 * yields the accounts posting about it, page after page, and in the instance's profile directory ({@code
 * /api/v1/directory?order=active&local=true}), whose accounts count when the keyword is in their name, handle or bio
 * (the directory has no search of its own; at most {@link
 * io.microreach.connectors.CrawlOptions#maxFollowsPagesPerFollower()} pages of 80 are read). A seed's follows ({@code
 * following}, and at depth 2 and beyond the follows of the accounts accepted at the previous hop) are the likeliest
 * to share its niche; each account's follows are read for at most {@link
 * io.microreach.connectors.CrawlOptions#maxFollowsPagesPerFollower()} pages. Mastodon's account entities carry their
 * counts, so every candidate is judged from the list itself, without a request of its own.
 *
 * <p>Each list task remembers the candidates it checked, and the accepted set is its own task ({@code
 * accepted:QUERY}), saved before the list's checkpoint; an account already accepted is not checked again. A restarted
 * discovery therefore rebuilds the same frontier from finished tasks without a request and emits no account twice.
 * It stops when the account budget is reached, when the lists end, or when the request budget is spent.
 */
final class Discovery implements Discoverer {
    private final CrawlRun run;
    private final String key;
    private final AcceptedAccounts accepted;
    /** The seed of a snowball: it follows its own follows back often, and is no discovery. */
    private String seedId;

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

    @Override
    public void keyword(String keyword) {
        walk("search:" + key, cursor -> new Page<>(run.api.searchAccounts(keyword), null), false, p -> true);
        String tag = hashtag(keyword);
        if (tag != null && !full()) {
            try {
                walk("tag:" + key, cursor -> run.api.tagAuthors(tag, cursor), false, p -> true);
            } catch (ConnectorException e) {
                if (e.status() < 400 || e.status() >= 500 || e.status() == 429) {
                    throw e;
                }
                // servers may close hashtag timelines to visitors (401, 403, 422): the account search still counts
                run.problem("hashtag #" + tag + ": the timeline answered " + e.status() + "; skipped");
                run.tasks.save("tag:" + key, new CrawlCheckpoint(null, true, 0, List.of()));
            }
        }
        if (!full()) {
            String needle = keyword.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            walk(
                    "directory:" + key,
                    cursor -> run.api.directory(cursor == null ? 0 : Integer.parseInt(cursor)),
                    true,
                    p -> mentions(p, needle));
        }
    }

    /** Whether the keyword appears in the name, handle or bio: the directory lists everyone, not matches. */
    private static boolean mentions(Profile p, String needle) {
        for (String field : new String[] {p.displayName(), p.handle(), p.note()}) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void snowball(String seed, int depth) {
        String seedTask = "seed:" + key;
        CrawlCheckpoint cp = run.tasks.load(seedTask);
        if (cp.finished()) {
            seedId = cp.emitted().isEmpty() ? null : cp.emitted().get(0);
        } else {
            Profile p = new CreatorCrawl(run, "").resolve(seed, seedTask);
            if (p == null) {
                return; // reported, and the seed task is finished
            }
            seedId = p.id();
            run.tasks.save(seedTask, new CrawlCheckpoint(null, true, 1, List.of(seedId)));
        }
        if (seedId == null) {
            return;
        }
        Set<String> visited = new HashSet<>(List.of(seedId));
        List<String> frontier = List.of(seedId);
        for (int hop = 1; hop <= depth && !frontier.isEmpty() && !full(); hop++) {
            List<String> next = new ArrayList<>();
            for (String account : frontier) {
                if (full()) {
                    break;
                }
                List<String> checked = walk(
                        "follows-of:" + key + ":" + account,
                        cursor -> run.api.following(account, cursor),
                        true,
                        p -> true);
                for (String c : checked) {
                    if (accepted.contains(run.api.qualify(c)) && visited.add(c)) {
                        next.add(c);
                    }
                }
            }
            frontier = next;
        }
    }

    /**
     * Pages through one candidate list, accepting the new candidates inside the band; returns the instance ids of
     * every candidate the task has checked.
     */
    private List<String> walk(
            String task, Function<String, Page<Profile>> list, boolean pageLimited, Predicate<Profile> relevant) {
        CrawlCheckpoint cp = run.tasks.load(task);
        Set<String> checked = new LinkedHashSet<>(cp.emitted());
        String cursor = cp.cursor();
        int pages = cp.pages();
        boolean finished = cp.finished();
        Set<String> sent = new HashSet<>();
        int maxPages = run.options.maxFollowsPagesPerFollower();
        if (pageLimited && pages >= maxPages) {
            finished = true;
        }
        while (!finished && !full()) {
            Page<Profile> page = list.apply(cursor);
            boolean stoppedInPage = false;
            for (Profile p : page.items()) {
                if (checked.contains(p.id()) || p.id().equals(seedId)) {
                    continue;
                }
                if (full()) {
                    stoppedInPage = true;
                    break;
                }
                String id = run.api.qualify(p.id());
                if (!accepted.contains(id)
                        && relevant.test(p)
                        && p.followers() != null
                        && run.options.inBand(p.followers())
                        && run.emitAccount(p)) {
                    accepted.add(id);
                }
                checked.add(p.id());
            }
            // the accepted set first: a stop between the two saves re-checks the page but emits nothing twice
            accepted.save();
            if (stoppedInPage) {
                // the rest of this page stays unchecked: the task stays open at this page
                run.tasks.save(task, new CrawlCheckpoint(cursor, false, pages, List.copyOf(checked)));
                break;
            }
            sent.add(cursor);
            String next = page.next();
            pages++;
            finished = next == null || page.items().isEmpty() || (pageLimited && pages >= maxPages);
            if (!finished && run.repeated(task, next, sent)) {
                finished = true;
            }
            run.tasks.save(task, new CrawlCheckpoint(next, finished, pages, List.copyOf(checked)));
            cursor = next;
        }
        return List.copyOf(checked);
    }

    /** The keyword as a hashtag: {@code #Balkon Garten} reads {@code balkongarten}; {@code null} if it cannot be one. */
    static String hashtag(String keyword) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyword.length(); ) {
            int cp = keyword.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp != '#' && !Character.isWhitespace(cp)) {
                return null;
            }
            i += Character.charCount(cp);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
