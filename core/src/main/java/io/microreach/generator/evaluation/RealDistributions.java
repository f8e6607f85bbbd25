package io.microreach.generator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.realdata.PublicDataFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the real distributions from the public data folder. Only numbers leave this class: usernames, names and
 * texts are read where a column layout needs them (a tweet's first mention, to know which brand it addresses) and
 * dropped at once.
 */
final class RealDistributions {
    /** The files read, relative to the data folder. */
    static final List<String> FILES = List.of(
            "instafake/nonautomatedAccountData.json",
            "instafake/fakeAccountData.json",
            "instafake/realAccountData.json",
            "kaggle-instagram-fake-spammer/test.csv",
            "cresci2015-twitter-fake-followers/users_E13_genuine.csv",
            "cresci2015-twitter-fake-followers/fusers_INT_fake.csv",
            "instagram-reach-posts/instagram_reach.csv",
            "top1000-influencers-2022/social_media_influencers-INSTAGRAM--DEC_2022.csv",
            "top1000-influencers-2022/social_media_influencers-TIKTOK--DEC_2022.csv",
            "top1000-influencers-2022/social_media_influencers-YOUTUBE--DEC_2022.csv",
            "twcs-customer-support-twitter-sample/twcs_first5000.csv",
            "snap-ego-facebook/0.edges");

    static final int[] EGOS = {0, 107, 348, 414, 686, 698, 1684, 1912, 3437, 3980};

    /** InstaFake accounts need this many posts for a per-account median ER. */
    static final int MIN_POSTS = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path root;

    RealDistributions(Path root) throws FileNotFoundException {
        List<String> needed = new ArrayList<>(FILES);
        for (int ego : EGOS) {
            needed.add("snap-ego-facebook/" + ego + ".edges");
        }
        PublicDataFiles.requireAll(root, needed);
        this.root = root;
    }

    /** InstaFake non-automated accounts with ≥ {@value #MIN_POSTS} posts: median (likes + comments) / followers. */
    double[] instaFakeEngagementRates(long minFollowers, long maxFollowers) throws IOException {
        Samples out = new Samples();
        for (JsonNode a : nonAutomated()) {
            long followers = a.path("userFollowerCount").asLong();
            JsonNode likes = a.path("mediaLikeNumbers");
            JsonNode comments = a.path("mediaCommentNumbers");
            if (followers < minFollowers || followers >= maxFollowers || likes.size() < MIN_POSTS) {
                continue;
            }
            double[] er = new double[likes.size()];
            for (int i = 0; i < er.length; i++) {
                er[i] = (likes.get(i).asDouble() + comments.path(i).asDouble()) / followers;
            }
            out.add(Samples.median(er));
        }
        return out.toArray();
    }

    /** Comments of every post of the InstaFake non-automated accounts in the band (≥ {@value #MIN_POSTS} posts). */
    double[] instaFakeCommentsPerPost(long minFollowers, long maxFollowers) throws IOException {
        Samples out = new Samples();
        for (JsonNode a : nonAutomated()) {
            long followers = a.path("userFollowerCount").asLong();
            JsonNode comments = a.path("mediaCommentNumbers");
            if (followers < minFollowers || followers >= maxFollowers || comments.size() < MIN_POSTS) {
                continue;
            }
            comments.forEach(c -> out.add(c.asDouble()));
        }
        return out.toArray();
    }

    private JsonNode nonAutomated() throws IOException {
        return MAPPER.readTree(
                root.resolve("instafake/nonautomatedAccountData.json").toFile());
    }

    /** Profile counts of one labelled set: followers, following, posts per row. */
    record Profiles(double[] followers, double[] following, double[] posts) {}

    Profiles instaFake(boolean fake) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String file = fake ? "fakeAccountData.json" : "realAccountData.json";
        for (JsonNode a :
                MAPPER.readTree(root.resolve("instafake").resolve(file).toFile())) {
            rows.add(new double[] {
                a.path("userFollowerCount").asDouble(),
                a.path("userFollowingCount").asDouble(),
                a.path("userMediaCount").asDouble()
            });
        }
        return profiles(rows);
    }

    Profiles kaggleTest(boolean fake) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord r : csv("kaggle-instagram-fake-spammer/test.csv")) {
            if ((Double.parseDouble(r.get("fake")) >= 0.5) == fake) {
                rows.add(new double[] {num(r.get("#followers")), num(r.get("#follows")), num(r.get("#posts"))});
            }
        }
        return profiles(rows);
    }

    Profiles cresci(boolean fake) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String file = fake ? "fusers_INT_fake.csv" : "users_E13_genuine.csv";
        for (CSVRecord r : csv("cresci2015-twitter-fake-followers/" + file)) {
            rows.add(new double[] {
                num(r.get("followers_count")), num(r.get("friends_count")), num(r.get("statuses_count"))
            });
        }
        return profiles(rows);
    }

    private static Profiles profiles(List<double[]> rows) {
        return new Profiles(
                rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToDouble(r -> r[2]).toArray());
    }

    /** Instagram reach: likes / followers of each post (likes counted 2–24 hours after posting). */
    double[] reachLikeRates() throws IOException {
        Samples out = new Samples();
        for (CSVRecord r : csv("instagram-reach-posts/instagram_reach.csv")) {
            double followers = num(r.get("Followers"));
            if (followers > 0) {
                out.add(num(r.get("Likes")) / followers);
            }
        }
        return out.toArray();
    }

    /** Which columns of a top-1000 file hold followers and the average interactions (numeric copies). */
    enum TopList {
        INSTAGRAM("social_media_influencers-INSTAGRAM--DEC_2022.csv", 6, new int[] {11}),
        TIKTOK("social_media_influencers-TIKTOK--DEC_2022.csv", 3, new int[] {7, 9}),
        YOUTUBE("social_media_influencers-YOUTUBE--DEC_2022.csv", 5, new int[] {10, 12});

        final String file;
        final int followers;
        final int[] interactions;

        TopList(String file, int followers, int[] interactions) {
            this.file = file;
            this.followers = followers;
            this.interactions = interactions;
        }
    }

    /**
     * Average interactions per post / followers of the top-1000 list (December 2022); rows without interactions
     * (hidden like counts) are left out.
     */
    double[] topEngagementRates(TopList list) throws IOException {
        Samples out = new Samples();
        for (CSVRecord r : csv("top1000-influencers-2022/" + list.file)) {
            if (r.size() <= Arrays.stream(list.interactions).max().orElseThrow()) {
                continue;
            }
            double followers = abbreviated(r.get(list.followers));
            double interactions = 0;
            for (int c : list.interactions) {
                interactions += abbreviated(r.get(c));
            }
            if (followers > 0 && interactions > 0) {
                out.add(interactions / followers);
            }
        }
        return out.toArray();
    }

    /** Smallest follower count on a top-1000 list. */
    double topMinimumFollowers(TopList list) throws IOException {
        double min = Double.MAX_VALUE;
        for (CSVRecord r : csv("top1000-influencers-2022/" + list.file)) {
            if (r.size() > list.followers) {
                double f = abbreviated(r.get(list.followers));
                if (f > 0) {
                    min = Math.min(min, f);
                }
            }
        }
        return min;
    }

    /** Customer-support replies on Twitter (TWCS sample). */
    record Replies(double[] delayHours, double[] brandReplyShares) {}

    private static final DateTimeFormatter TWITTER_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    /**
     * Delay from a customer's tweet to the brand's first reply, and per brand (≥ 10 addressed tweets) the share of
     * the thread-opening tweets addressed to it that it answered; tweets whose answers fall outside the sample are
     * left out of the shares. Records broken by a stray carriage return are skipped.
     */
    Replies replies() throws IOException {
        record Tweet(String author, boolean inbound, long epochSecond, String text, String responses, String parent) {}
        Map<String, Tweet> byId = new HashMap<>();
        for (CSVRecord r : csv("twcs-customer-support-twitter-sample/twcs_first5000.csv")) {
            if (!r.isConsistent()) {
                continue;
            }
            long time;
            try {
                time = OffsetDateTime.parse(r.get("created_at"), TWITTER_TIME).toEpochSecond();
            } catch (RuntimeException e) {
                continue;
            }
            String parent = r.get("in_response_to_tweet_id").strip();
            byId.put(
                    r.get("tweet_id").strip(),
                    new Tweet(
                            r.get("author_id"),
                            "True".equalsIgnoreCase(r.get("inbound").strip()),
                            time,
                            r.get("text"),
                            r.get("response_tweet_id"),
                            parent.isEmpty() ? "" : String.valueOf((long) Double.parseDouble(parent))));
        }
        Set<String> brands = new HashSet<>();
        byId.values().stream().filter(t -> !t.inbound()).forEach(t -> brands.add(t.author()));
        Map<String, Double> firstReply = new HashMap<>();
        for (Tweet t : byId.values()) {
            Tweet parent = t.parent().isEmpty() ? null : byId.get(t.parent());
            if (!t.inbound() && parent != null && parent.inbound()) {
                double hours = (t.epochSecond() - parent.epochSecond()) / 3600.0;
                if (hours >= 0) {
                    firstReply.merge(t.parent(), hours, Math::min);
                }
            }
        }
        Samples delays = new Samples();
        firstReply.values().forEach(delays::add);
        Map<String, int[]> perBrand = new HashMap<>();
        for (Map.Entry<String, Tweet> e : byId.entrySet()) {
            Tweet t = e.getValue();
            if (!t.inbound() || !t.parent().isEmpty()) {
                continue;
            }
            String brand = firstMention(t.text(), brands::contains);
            if (brand == null) {
                continue;
            }
            boolean complete = true;
            boolean answered = false;
            for (String id : t.responses().split(",")) {
                String rid = id.strip();
                if (rid.isEmpty()) {
                    continue;
                }
                Tweet reply = byId.get(rid);
                if (reply == null) {
                    complete = false;
                } else if (brand.equals(reply.author())) {
                    answered = true;
                }
            }
            if (complete || answered) {
                int[] c = perBrand.computeIfAbsent(brand, k -> new int[2]);
                c[0]++;
                c[1] += answered ? 1 : 0;
            }
        }
        Samples shares = new Samples();
        perBrand.values().stream().filter(c -> c[0] >= 10).forEach(c -> shares.add((double) c[1] / c[0]));
        return new Replies(delays.toArray(), shares.toArray());
    }

    private static String firstMention(String text, Predicate<String> known) {
        for (String word : text.split("\\s+")) {
            if (word.startsWith("@")) {
                String handle = word.substring(1).replaceAll("[^A-Za-z0-9_].*$", "");
                return known.test(handle) ? handle : null;
            }
        }
        return null;
    }

    /** The Facebook ego networks (friends of one person, ego left out), one graph each. */
    List<GraphShape> egoGraphs() throws IOException {
        List<GraphShape> out = new ArrayList<>();
        for (int ego : EGOS) {
            GraphShape g = new GraphShape();
            for (String line : Files.readAllLines(root.resolve("snap-ego-facebook/" + ego + ".edges"))) {
                String[] ab = line.strip().split("\\s+");
                if (ab.length == 2) {
                    g.add(ab[0], ab[1]);
                    g.add(ab[1], ab[0]);
                }
            }
            out.add(g);
        }
        return out;
    }

    private List<CSVRecord> csv(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(root.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setAllowMissingColumnNames(true)
                    .setAllowDuplicateHeaderNames(true)
                    .build()
                    .parse(in)
                    .getRecords();
        }
    }

    private static double num(String s) {
        return s == null || s.isBlank() ? 0 : Double.parseDouble(s.strip());
    }

    /** "60.3M", "30.8K", "158" or a plain number. */
    static double abbreviated(String s) {
        String v = s.strip().replace(",", "");
        if (v.isEmpty()) {
            return 0;
        }
        double scale = 1;
        char last = Character.toUpperCase(v.charAt(v.length() - 1));
        if (last == 'K' || last == 'M' || last == 'B') {
            scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1e9;
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Double.parseDouble(v) * scale;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
