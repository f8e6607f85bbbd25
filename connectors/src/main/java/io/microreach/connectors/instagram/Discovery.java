package io.microreach.connectors.instagram;

import io.microreach.connectors.AcceptedAccounts;
import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.Discoverer;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.domain.Post;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds creators within the follower band by snowball through the accounts a seed @-mentions in its captions.
 *
 * <p>Business Discovery looks one account up by its exact username and offers no list of followers, follows or
 * search results, so the only graph it reveals is the one in captions: creators tag the people they work, cook or
 * travel with, who are the likeliest to share their niche. One call per candidate returns its follower count (the
 * band check) and, while another hop remains, its recent captions (the next hop's candidates): an account is only
 * expanded when it was accepted, so the walk stays inside the band. Candidates come in the order their mentions
 * appear, newest media first.
 *
 * <p>Keyword discovery is not possible: the Graph API has no people search, and its hashtag search ({@code
 * ig_hashtag_search} then {@code /{hashtag-id}/top_media}) returns media of other accounts without their owner's
 * username or id, so no account can be reached from a keyword. It reports that as a problem and spends nothing.
 *
 * <p>Resuming: the seed's mentions ({@code seed:KEY}), each accepted account's mentions ({@code mentions:KEY:NAME}),
 * the accepted usernames ({@code accepted:KEY}) and the checked usernames ({@code checked:KEY}) are tasks, saved in
 * that order after each candidate's records went to the sink. A restarted discovery walks the same candidates in the
 * same order, skips the checked ones without a request and accepts no account twice.
 */
final class Discovery implements Discoverer {
    /** Media read per candidate for its mentions: enough recent captions to find collaborators, one call. */
    static final int MENTION_PAGE = 25;

    private final CrawlRun run;
    private final String key;
    private final AcceptedAccounts accepted;
    private final Set<String> checked;

    Discovery(CrawlRun run, DiscoveryQuery query) {
        this.run = run;
        // a seed given as @name or as a profile URL is the same seed: its tasks are keyed by the normalised name
        String seed = query.kind() == DiscoveryQuery.Kind.SEED ? Usernames.normalize(query.value()) : null;
        this.key = query.kind().name().toLowerCase(Locale.ROOT) + ":" + (seed == null ? query.value() : seed) + ":"
                + query.depth();
        this.accepted = new AcceptedAccounts(run.tasks, key, run.options.maxAccounts());
        this.checked = new LinkedHashSet<>(run.tasks.load("checked:" + key).emitted());
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
        run.problem("keyword discovery (" + keyword + ") is not available on Instagram: the Graph API has no people"
                + " search, and hashtag search returns media without their owner's username; use a seed account");
    }

    @Override
    public void snowball(String seedInput, int depth) {
        String seed = Usernames.normalize(seedInput);
        if (seed == null) {
            run.problem("seed " + seedInput + " is not a valid Instagram username");
            return;
        }
        List<String> seedMentions = seedMentions(seed);
        if (seedMentions == null) {
            return;
        }
        Set<String> visited = new HashSet<>(List.of(seed));
        List<List<String>> frontier = List.of(seedMentions);
        for (int hop = 1; hop <= depth && !frontier.isEmpty() && !full(); hop++) {
            List<List<String>> next = new ArrayList<>();
            boolean expand = hop < depth;
            for (List<String> mentions : frontier) {
                for (String candidate : mentions) {
                    if (full()) {
                        return;
                    }
                    if (!visited.add(candidate)) {
                        continue;
                    }
                    if (!checked.contains(candidate)) {
                        check(candidate, expand);
                    }
                    if (expand && accepted.contains(candidate)) {
                        next.add(run.tasks
                                .load("mentions:" + key + ":" + candidate)
                                .emitted());
                    }
                }
            }
            frontier = next;
        }
    }

    /** The seed's mentions, from the store or from one call; {@code null} when the seed cannot be read. */
    private List<String> seedMentions(String seed) {
        String task = "seed:" + key;
        CrawlCheckpoint cp = run.tasks.load(task);
        if (cp.finished()) {
            return cp.pages() == 0 ? null : cp.emitted();
        }
        Discovered d;
        try {
            d = run.api.discover(seed, MENTION_PAGE, null, false);
        } catch (GraphError e) {
            if (e.kind() != GraphError.Kind.NOT_FOUND) {
                throw e;
            }
            run.problem("seed " + seed + " not found as a business or creator account (" + e.getMessage() + ")");
            run.tasks.save(task, new CrawlCheckpoint(null, true, 0, List.of()));
            return null;
        }
        List<String> mentions = mentions(d, seed);
        run.tasks.save(task, new CrawlCheckpoint(null, true, 1, mentions));
        return mentions;
    }

    /** One call: the candidate's profile for the band check and, when it may be expanded, its captions. */
    private void check(String candidate, boolean expand) {
        Discovered d;
        try {
            d = run.api.discover(candidate, expand ? MENTION_PAGE : 0, null, true);
        } catch (GraphError e) {
            if (e.kind() != GraphError.Kind.NOT_FOUND) {
                throw e;
            }
            run.problem(
                    "candidate " + candidate + " skipped: not a business or creator account (" + e.getMessage() + ")");
            markChecked(candidate);
            return;
        }
        Long followers = d.profile().followersCount();
        if (!full()
                && followers != null
                && run.options.inBand(followers)
                && !accepted.contains(candidate)
                && run.emitAccount(d.profile())) {
            accepted.add(candidate, d.profile().id());
            if (expand) {
                run.tasks.save(
                        "mentions:" + key + ":" + candidate,
                        new CrawlCheckpoint(null, true, 1, mentions(d, candidate)));
            }
            accepted.save();
        }
        markChecked(candidate);
    }

    private void markChecked(String candidate) {
        checked.add(candidate);
        run.tasks.save("checked:" + key, new CrawlCheckpoint(null, false, 0, List.copyOf(checked)));
    }

    /** Distinct valid usernames mentioned in the page's captions, in order, without the account itself. */
    private static List<String> mentions(Discovered d, String self) {
        Set<String> out = new LinkedHashSet<>();
        for (Post p : d.media()) {
            for (String m : p.mentions()) {
                if (Usernames.valid(m) && !m.equals(self)) {
                    out.add(m);
                }
            }
        }
        return List.copyOf(out);
    }
}
