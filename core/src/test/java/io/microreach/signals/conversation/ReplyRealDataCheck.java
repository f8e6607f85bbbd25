package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on real threads, not a unit test (its name does not match Surefire's patterns, so {@code verify} never
 * runs it): brands answering customers on Twitter (TWCS sample, see its SOURCE.md). Each brand becomes an "account";
 * the customers' thread-opening tweets that @-mention it are its top-level comments, every tweet below them in the
 * reply chain is a reply, and its own tweets replying to an opener are its answers. One synthetic post per brand holds
 * the comments; the observation time is the newest tweet of the file.
 *
 * <p>It prints per-brand reply rate, median delay and thread depth for the biggest brands, and how often the
 * parent-based reply detection agrees with the data's own {@code response_tweet_id} lists. Brand support accounts
 * are companies; customer ids are never printed.
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=ReplyRealDataCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dmicroreach.realdata=DIR}); fails when the data folder is missing.
 */
class ReplyRealDataCheck {
    static final String DATA_PROPERTY = "microreach.realdata";
    static final String FOLDER = "twcs-customer-support-twitter-sample";
    static final String FILE = "twcs_first5000.csv";
    private static final DateTimeFormatter TWITTER_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]{1,30})");

    record Tweet(
            String id,
            String author,
            boolean inbound,
            Instant at,
            String text,
            String parent,
            List<String> responses) {}

    @Test
    void replyRatesOfBrandsAnsweringCustomers() throws Exception {
        Path file = dataRoot()
                .orElseThrow(() -> new AssertionError(missingMessage()))
                .resolve(FOLDER)
                .resolve(FILE);
        assertThat(file).as("TWCS sample file").isRegularFile();

        Map<String, Tweet> tweets = new LinkedHashMap<>();
        int skipped = read(file, tweets);
        Instant observedAt = tweets.values().stream()
                .map(Tweet::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, String> brandsLower = new HashMap<>();
        tweets.values().stream()
                .filter(t -> !t.inbound())
                .forEach(t -> brandsLower.put(t.author().toLowerCase(Locale.ROOT), t.author()));

        // Thread openers: inbound tweets that reply to nothing; addressed to every brand they mention.
        Map<String, List<Tweet>> openersByBrand = new HashMap<>();
        int openers = 0;
        int openersWithoutBrand = 0;
        for (Tweet t : tweets.values()) {
            if (!t.inbound() || t.parent() != null) {
                continue;
            }
            openers++;
            boolean any = false;
            Matcher m = MENTION.matcher(t.text());
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (m.find()) {
                String brand = brandsLower.get(m.group(1).toLowerCase(Locale.ROOT));
                if (brand != null && seen.add(brand)) {
                    openersByBrand
                            .computeIfAbsent(brand, k -> new ArrayList<>())
                            .add(t);
                    any = true;
                }
            }
            openersWithoutBrand += any ? 0 : 1;
        }
        Map<String, List<Tweet>> children = new HashMap<>();
        for (Tweet t : tweets.values()) {
            if (t.parent() != null) {
                children.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t);
            }
        }

        System.out.printf(
                Locale.ROOT,
                "TWCS sample: %d tweets read, %d rows skipped, observation time %s%n",
                tweets.size(),
                skipped,
                observedAt);
        System.out.printf(
                Locale.ROOT,
                "%d thread openers by customers, %d mention no brand of the file (left out)%n%n",
                openers,
                openersWithoutBrand);
        System.out.printf(
                Locale.ROOT,
                "%-16s %7s %7s %8s %17s %9s %6s %6s %7s %6s%n",
                "brand",
                "openers",
                "settled",
                "answered",
                "rate [95% CI]",
                "median h",
                "late",
                "orphan",
                "depth",
                "agree");

        ReplyRateCalculator calculator = new ReplyRateCalculator();
        InteractionAnalyzer analyzer = new InteractionAnalyzer();
        List<Map.Entry<String, List<Tweet>>> brands = new ArrayList<>(openersByBrand.entrySet());
        brands.sort(Comparator.<Map.Entry<String, List<Tweet>>>comparingInt(
                        e -> e.getValue().size())
                .reversed()
                .thenComparing(Map.Entry::getKey));
        int measured = 0;
        long agree = 0;
        long compared = 0;
        for (Map.Entry<String, List<Tweet>> e : brands.subList(0, Math.min(15, brands.size()))) {
            String brand = e.getKey();
            AccountActivity activity = activity(brand, e.getValue(), children, observedAt);
            ReplyRate rate = calculator.measure(activity);
            InteractionInvitation inv = analyzer.analyze(activity);
            // The data's own reply links: an opener is answered when one of its listed responses is by the brand.
            int brandAgree = 0;
            int brandCompared = 0;
            for (Tweet opener : e.getValue()) {
                boolean byLinks = opener.responses().stream()
                        .map(tweets::get)
                        .anyMatch(r -> r != null && r.author().equals(brand));
                boolean byParent = children.getOrDefault(opener.id(), List.of()).stream()
                        .anyMatch(r -> r.author().equals(brand));
                brandCompared++;
                brandAgree += byLinks == byParent ? 1 : 0;
            }
            agree += brandAgree;
            compared += brandCompared;
            String rateText = rate.available()
                    ? String.format(
                            Locale.ROOT,
                            "%.2f [%.2f-%.2f]",
                            rate.rate().estimate(),
                            rate.rate().low(),
                            rate.rate().high())
                    : "n/a";
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %7d %7s %8s %17s %9s %6d %6d %7s %3d/%d%n",
                    brand,
                    e.getValue().size(),
                    rate.available() ? Long.toString(rate.rate().sampleSize()) : "-",
                    rate.available() ? Long.toString(rate.rate().successes()) : "-",
                    rateText,
                    rate.medianDelayHours() == null
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", rate.medianDelayHours()),
                    rate.lateReplies(),
                    rate.orphanReplies(),
                    inv.threads().available()
                            ? String.format(Locale.ROOT, "%.2f", inv.threads().mean())
                            : "n/a",
                    brandAgree,
                    brandCompared);
            if (!rate.available()) {
                System.out.println("    unavailable: " + rate.unavailableReason());
            } else {
                measured++;
                assertThat(rate.rate().estimate()).isBetween(0.0, 1.0);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nparent-based detection agrees with response_tweet_id on %d of %d openers%n",
                agree,
                compared);
        assertThat(measured).as("brands with an available reply rate").isGreaterThanOrEqualTo(5);
        assertThat((double) agree / compared)
                .as("agreement with the data's reply links")
                .isGreaterThan(0.95);
    }

    private static AccountActivity activity(
            String brand, List<Tweet> openers, Map<String, List<Tweet>> children, Instant observedAt) {
        String postId = "twcs-" + brand;
        Instant first =
                openers.stream().map(Tweet::at).min(Comparator.naturalOrder()).orElseThrow();
        Post post = new Post(
                Platform.TWITTER,
                postId,
                brand,
                first,
                PostFormat.TEXT,
                null,
                null,
                null,
                null,
                (long) openers.size(),
                null,
                null,
                null,
                null,
                null,
                null);
        List<Comment> comments = new ArrayList<>();
        List<Tweet> queue = new ArrayList<>(openers);
        for (int i = 0; i < queue.size(); i++) {
            Tweet t = queue.get(i);
            comments.add(new Comment(
                    Platform.TWITTER,
                    t.id(),
                    postId,
                    t.author(),
                    t.author(),
                    t.text(),
                    t.at(),
                    i < openers.size() ? null : t.parent(),
                    null));
            queue.addAll(children.getOrDefault(t.id(), List.of()));
        }
        Account account = new Account(
                Platform.TWITTER,
                brand,
                brand,
                null,
                null,
                null,
                "en",
                0,
                null,
                null,
                false,
                true,
                false,
                null,
                null,
                null,
                observedAt);
        return new AccountActivity(account, List.of(post), comments, List.of(), List.of(), List.of());
    }

    private static int read(Path file, Map<String, Tweet> into) throws Exception {
        int skipped = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setAllowMissingColumnNames(true)
                        .get()
                        .parse(in)) {
            for (CSVRecord r : csv) {
                try {
                    String parent = r.get("in_response_to_tweet_id").trim();
                    String responses = r.get("response_tweet_id").trim();
                    Tweet t = new Tweet(
                            r.get("tweet_id").trim(),
                            r.get("author_id").trim(),
                            Boolean.parseBoolean(r.get("inbound").trim()),
                            ZonedDateTime.parse(r.get("created_at").trim(), TWITTER_TIME)
                                    .toInstant(),
                            r.get("text"),
                            parent.isEmpty() ? null : Long.toString((long) Double.parseDouble(parent)),
                            responses.isEmpty() ? List.of() : List.of(responses.split(",")));
                    into.put(t.id(), t);
                } catch (RuntimeException e) {
                    skipped++; // the row split by a bare carriage return (see SOURCE.md), or another broken row
                }
            }
        }
        return skipped;
    }

    static Optional<Path> dataRoot() throws Exception {
        String given = System.getProperty(DATA_PROPERTY);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path candidate : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toRealPath());
            }
        }
        return Optional.empty();
    }

    static String missingMessage() {
        String given = System.getProperty(DATA_PROPERTY);
        return given != null && !given.isBlank()
                ? "real data folder " + given + " (from -D" + DATA_PROPERTY + ") does not exist"
                : "real data not found: expected ../shared/data/ beside the checkout, or pass -D" + DATA_PROPERTY
                        + "=DIR";
    }
}
