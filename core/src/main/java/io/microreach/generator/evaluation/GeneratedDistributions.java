package io.microreach.generator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the generated distributions from a world streamed creator by creator: records first, then the creator's
 * ground-truth lines, which say which sampled followers are fakes and close the account (its posts and graph are
 * summarised and dropped, so memory holds the samples, not the records).
 */
final class GeneratedDistributions implements Consumer<DataRecord> {
    /** Follower bands of the engagement comparisons, lower bound inclusive. */
    static final long[][] ER_BANDS = {{200, 1_000}, {1_000, 5_000}};

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, List<Post>> posts = new HashMap<>();
    private final Map<String, List<FollowerSample>> samples = new HashMap<>();
    private final Map<String, GraphShape> graphs = new HashMap<>();
    private final Map<String, Instant> commentTimes = new HashMap<>();
    private final Map<String, String> commentAuthors = new HashMap<>();
    private final Map<String, String> postAccount = new HashMap<>();

    /** Per Instagram band: per-account median ER and per-post comments. */
    final Samples[] instagramEr = {new Samples(), new Samples()};

    final Samples[] instagramComments = {new Samples(), new Samples()};
    /** Likes / followers of Instagram posts of accounts under 5,000 followers. */
    final Samples instagramSmallLikeRates = new Samples();
    /** Per-account median ER of accounts of at least {@link #megaFollowers}, per platform. */
    final Map<Platform, Samples> megaEr = new HashMap<>();

    final Map<Platform, Double> megaFollowers = new HashMap<>();
    final Samples[] realProfiles = {new Samples(), new Samples(), new Samples()};
    final Samples[] fakeProfiles = {new Samples(), new Samples(), new Samples()};
    final Samples replyDelayHours = new Samples();
    final Samples replyShares = new Samples();
    final Samples clustering = new Samples();
    final Samples reciprocity = new Samples();

    /** Reply shares need this many settled top-level comments by others. */
    static final int MIN_SETTLED_COMMENTS = 10;

    GeneratedDistributions(Map<Platform, Double> megaFollowers) {
        this.megaFollowers.putAll(megaFollowers);
        megaFollowers.keySet().forEach(p -> megaEr.put(p, new Samples()));
    }

    @Override
    public void accept(DataRecord r) {
        if (r instanceof Account a) {
            accounts.put(key(a.platform(), a.platformId()), a);
        } else if (r instanceof Post p) {
            posts.computeIfAbsent(key(p.platform(), p.accountPlatformId()), k -> new ArrayList<>())
                    .add(p);
            postAccount.put(p.platformId(), p.accountPlatformId());
        } else if (r instanceof Comment c) {
            comment(c);
        } else if (r instanceof FollowerSample s) {
            samples.computeIfAbsent(key(s.platform(), s.accountPlatformId()), k -> new ArrayList<>())
                    .add(s);
        } else if (r instanceof FollowEdge e) {
            graphs.computeIfAbsent(key(e.platform(), e.accountPlatformId()), k -> new GraphShape())
                    .add(e.sourceId(), e.targetId());
        }
    }

    private void comment(Comment c) {
        commentTimes.put(c.platformId(), c.createdAt());
        commentAuthors.put(c.platformId(), c.authorPlatformId());
        String account = postAccount.get(c.postPlatformId());
        if (c.parentPlatformId() == null || account == null || !account.equals(c.authorPlatformId())) {
            return;
        }
        Instant asked = commentTimes.get(c.parentPlatformId());
        if (asked != null && !account.equals(commentAuthors.get(c.parentPlatformId()))) {
            replyDelayHours.add(Duration.between(asked, c.createdAt()).toSeconds() / 3600.0);
        }
    }

    /** One ground-truth line: the account is complete. */
    void truth(String line) {
        JsonNode t;
        try {
            t = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Platform platform = Platform.fromId(t.path("platform").asText()).orElseThrow();
        String key = key(platform, t.path("account_id").asText());
        Account account = accounts.remove(key);
        List<Post> ps = posts.getOrDefault(key, List.of());
        posts.remove(key);
        if (account != null) {
            engagement(account, ps);
        }
        Set<String> fakes = new HashSet<>();
        t.path("follower_sample").path("fake_follower_ids").forEach(n -> fakes.add(n.asText()));
        for (FollowerSample s : samples.getOrDefault(key, List.of())) {
            Samples[] into = fakes.contains(s.followerPlatformId()) ? fakeProfiles : realProfiles;
            into[0].add(nz(s.followers()));
            into[1].add(nz(s.following()));
            into[2].add(nz(s.postsCount()));
        }
        samples.remove(key);
        GraphShape g = graphs.remove(key);
        if (g != null) {
            double c = g.clustering();
            if (!Double.isNaN(c)) {
                clustering.add(c);
            }
            double rho = g.reciprocity();
            if (!Double.isNaN(rho)) {
                reciprocity.add(rho);
            }
        }
        JsonNode replies = t.path("replies");
        int settled = replies.path("settled_top_level_by_others").asInt();
        if (settled >= MIN_SETTLED_COMMENTS) {
            replyShares.add(replies.path("settled_replied_within_7d").asDouble() / settled);
        }
        if (accounts.isEmpty()) {
            commentTimes.clear();
            commentAuthors.clear();
            postAccount.clear();
        }
    }

    private void engagement(Account a, List<Post> ps) {
        if (ps.isEmpty()) {
            return;
        }
        double[] er = new double[ps.size()];
        for (int i = 0; i < er.length; i++) {
            Post p = ps.get(i);
            double followers = p.followersAtPost() == null ? a.followers() : p.followersAtPost();
            er[i] = (nz(p.likes()) + nz(p.comments())) / Math.max(1, followers);
        }
        double median = Samples.median(er);
        Double mega = megaFollowers.get(a.platform());
        if (mega != null && a.followers() >= mega) {
            megaEr.get(a.platform()).add(median);
        }
        if (a.platform() != Platform.INSTAGRAM) {
            return;
        }
        for (int b = 0; b < ER_BANDS.length; b++) {
            if (a.followers() >= ER_BANDS[b][0] && a.followers() < ER_BANDS[b][1]) {
                if (ps.size() >= RealDistributions.MIN_POSTS) {
                    instagramEr[b].add(median);
                }
                Samples comments = instagramComments[b];
                ps.forEach(p -> comments.add(nz(p.comments())));
            }
        }
        if (a.followers() < 5_000) {
            for (Post p : ps) {
                double followers = p.followersAtPost() == null ? a.followers() : p.followersAtPost();
                instagramSmallLikeRates.add(nz(p.likes()) / Math.max(1, followers));
            }
        }
    }

    private static double nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String key(Platform p, String id) {
        return p.id() + ":" + id;
    }
}
