package io.microreach.bench;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.RecordType;
import io.microreach.ingest.JsonlRecordWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic JSONL import file of an exact number of lines for the benchmark, so that it can run before
 * (and independently of) the app's demo-data generator. Per account: the account, 8 posts with 3 comments each (one
 * of them a reply), 12 follower samples, 3 follow edges and 2 follower counts, i.e. 50 lines, parents always
 * before their children. Text lengths are those of real profiles: bios of 60-200 characters, captions of 100-500
 * with hashtags, mentions, line breaks and emoji, comments of 10-150. Natural keys are unique, so every line is one
 * stored row and row counts can be compared exactly. The same seed gives the same file.
 */
public final class SyntheticImportFile {
    static final int POSTS_PER_ACCOUNT = 8;
    static final int COMMENTS_PER_POST = 3;
    static final int SAMPLES_PER_ACCOUNT = 12;
    static final int EDGES_PER_ACCOUNT = 3;
    static final int COUNTS_PER_ACCOUNT = 2;

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Platform[] PLATFORMS = {
        Platform.INSTAGRAM,
        Platform.INSTAGRAM,
        Platform.INSTAGRAM,
        Platform.TIKTOK,
        Platform.TIKTOK,
        Platform.YOUTUBE,
        Platform.BLUESKY,
        Platform.TWITTER
    };
    private static final String[] WORDS =
            ("skin care routine morning evening glow natural organic vegan recipe kitchen plant based breakfast"
                            + " coffee travel weekend city hike mountain lake beach sunset outfit style vintage thrift"
                            + " sustainable fashion workout yoga running strength mindful wellness journal reading book"
                            + " review favourite new today little tip tips easy quick simple honest unboxing tutorial"
                            + " home decor diy plants garden balcony family kids dog cat photo light film edit camera"
                            + " heute neue rezept lieblings einfach schnell natürlich nachhaltig sommer herbst winter"
                            + " frühling mit und für ohne zuhause küche kaffee spaziergang wochenende danke liebe"
                            + " receta fácil hoy nuevo viaje café playa gracias amor día semana belleza moda"
                            + " love this so much the and with for from my your our what how why best ever really")
                    .split(" ");
    private static final String[] EMOJI = {"✨", "🌿", "☕", "💚", "🙌", "🔥", "😍", "📍", "🌸", "👇"};
    private static final String[] TAGS = {
        "cleanbeauty", "skincare", "veganfood", "plantbased", "travelgram", "ootd", "slowfashion", "fitness",
        "yoga", "booktok", "homedecor", "diy", "naturkosmetik", "nachhaltigkeit", "recetas", "dogsofinstagram",
        "coffee", "photography", "minimalism", "mealprep"
    };
    private static final String[] CITIES = {"Berlin", "Wien", "Zürich", "Lyon", "Sevilla", "Milano", "Utrecht", "Leeds"
    };
    private static final String[] COUNTRIES = {"DE", "AT", "CH", "FR", "ES", "IT", "NL", "GB", "US", "PL"};
    private static final String[] LANGUAGES = {"de", "de", "de", "fr", "es", "it", "nl", "en", "en", "pl"};
    private static final String[] NAMES = {
        "lena", "mia", "jonas", "sofia", "lucas", "emma", "noah", "clara", "elias", "ana", "marco", "julia", "finn",
        "lea", "paul", "nora", "luis", "ida", "tom", "zoe"
    };

    private final Random random;
    private final Map<RecordType, Long> written = new EnumMap<>(RecordType.class);
    private final JsonlRecordWriter out;
    private final long limit;
    private long lines;
    private long nextId = 1;

    private SyntheticImportFile(JsonlRecordWriter out, long limit, long seed) {
        this.out = out;
        this.limit = limit;
        this.random = new Random(seed);
        for (RecordType t : RecordType.values()) {
            written.put(t, 0L);
        }
    }

    public static void main(String[] args) throws IOException {
        Path output = null;
        long lines = 1_000_000;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(args[++i]);
                case "--lines" -> lines = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: SyntheticImportFile --output FILE.jsonl [--lines N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (output == null) {
            System.err.println("usage: SyntheticImportFile --output FILE.jsonl [--lines N] [--seed S]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Map<RecordType, Long> counts = write(output, lines, seed);
        System.out.printf(
                Locale.ROOT,
                "wrote %s: %d lines, %.1f MiB in %.1f s %s%n",
                output,
                counts.values().stream().mapToLong(Long::longValue).sum(),
                Files.size(output) / 1048576.0,
                (System.nanoTime() - started) / 1e9,
                counts);
    }

    /** Writes exactly {@code lines} lines to {@code file}; returns how many of each type. */
    public static Map<RecordType, Long> write(Path file, long lines, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter out = new JsonlRecordWriter(writer)) {
            SyntheticImportFile generator = new SyntheticImportFile(out, lines, seed);
            while (generator.lines < lines) {
                generator.account();
            }
            return generator.written;
        }
    }

    private void account() {
        Platform platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
        String accountId = platformId(platform);
        String name = pick(NAMES);
        int country = random.nextInt(COUNTRIES.length);
        long followers = logNormal(15_000, 1.1, 80);
        Instant observed = NOW.minus(Duration.ofHours(random.nextInt(24 * 30)));
        if (!emit(new Account(
                platform,
                accountId,
                handle(name),
                capitalize(name) + " " + capitalize(pick(WORDS)),
                sentence(8, 28) + " " + pick(EMOJI) + " | 📍 " + pick(CITIES),
                COUNTRIES[country],
                LANGUAGES[country],
                followers,
                (long) random.nextInt(2_000),
                (long) (50 + random.nextInt(1_500)),
                random.nextInt(50) == 0,
                random.nextInt(4) == 0,
                random.nextInt(3) == 0,
                random.nextBoolean() ? "https://linktr.ee/" + name + nextId : null,
                random.nextInt(3) == 0 ? name + "." + nextId + "@example.com" : null,
                random.nextInt(10) == 0 ? "creator-" + name + "-" + (nextId % 5_000) : null,
                observed))) {
            return;
        }
        for (int p = 0; p < POSTS_PER_ACCOUNT; p++) {
            if (!post(platform, accountId, followers)) {
                return;
            }
        }
        List<String> followerIds = new ArrayList<>();
        for (int s = 0; s < SAMPLES_PER_ACCOUNT; s++) {
            String followerId = String.valueOf(5_000_000_000L + nextId++);
            followerIds.add(followerId);
            boolean bot = random.nextInt(6) == 0;
            if (!emit(new FollowerSample(
                    platform,
                    accountId,
                    followerId,
                    handle(pick(NAMES)),
                    bot ? null : capitalize(pick(NAMES)) + " " + capitalize(pick(WORDS)),
                    bot || random.nextInt(3) == 0 ? null : sentence(3, 14),
                    bot ? (long) random.nextInt(20) : logNormal(400, 1.0, 0),
                    bot ? 2_000L + random.nextInt(5_000) : (long) random.nextInt(1_500),
                    bot ? (long) random.nextInt(3) : (long) random.nextInt(800),
                    !bot,
                    random.nextInt(4) == 0,
                    false,
                    random.nextInt(8) == 0 ? "https://example.com/" + followerId : null,
                    observed))) {
                return;
            }
        }
        for (int e = 0; e < EDGES_PER_ACCOUNT; e++) {
            if (!emit(new FollowEdge(platform, accountId, followerIds.get(2 * e), followerIds.get(2 * e + 1)))) {
                return;
            }
        }
        LocalDate today = LocalDate.ofInstant(observed, ZoneOffset.UTC);
        for (int c = 0; c < COUNTS_PER_ACCOUNT; c++) {
            long earlier = Math.max(0, followers - c * (long) random.nextInt(1 + (int) (followers / 50)));
            if (!emit(new FollowerCount(platform, accountId, today.minusDays(30L * c), earlier))) {
                return;
            }
        }
    }

    private boolean post(Platform platform, String accountId, long followers) {
        String postId = platform == Platform.INSTAGRAM ? "C" + Long.toString(nextId++, 36) + "x" : postNumber();
        PostFormat format = platform == Platform.TIKTOK
                ? PostFormat.VIDEO
                : platform == Platform.YOUTUBE
                        ? (random.nextBoolean() ? PostFormat.SHORT : PostFormat.VIDEO)
                        : platform == Platform.INSTAGRAM ? PostFormat.values()[random.nextInt(4)] : PostFormat.TEXT;
        List<String> hashtags = new ArrayList<>();
        StringBuilder caption = new StringBuilder(sentence(15, 55));
        if (random.nextBoolean()) {
            caption.append(' ').append(pick(EMOJI)).append("\n\n").append(sentence(4, 16));
        }
        int tagCount = 2 + random.nextInt(5);
        for (int t = 0; t < tagCount; t++) {
            String tag = pick(TAGS);
            if (!hashtags.contains(tag)) {
                hashtags.add(tag);
                caption.append(" #").append(tag);
            }
        }
        List<String> mentions = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            String mention = handle(pick(NAMES));
            mentions.add(mention);
            caption.append(" @").append(mention);
        }
        Instant published = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
        long likes = logNormal(Math.max(20, followers / 25), 0.8, 0);
        boolean video = format.isVideo();
        if (!emit(new Post(
                platform,
                postId,
                accountId,
                published,
                format,
                caption.toString(),
                hashtags,
                mentions,
                likes,
                likes / (10 + random.nextInt(30)),
                platform == Platform.INSTAGRAM ? null : likes / (5 + random.nextInt(20)),
                random.nextBoolean() ? likes / (4 + random.nextInt(10)) : null,
                video ? likes * (8 + random.nextInt(30)) : null,
                followers,
                platform == Platform.INSTAGRAM ? random.nextInt(12) == 0 : null,
                "https://" + platform.id() + ".example/p/" + postId))) {
            return false;
        }
        String firstComment = null;
        for (int c = 0; c < COMMENTS_PER_POST; c++) {
            String commentId = String.valueOf(18_000_000_000L + nextId++);
            boolean reply = c == COMMENTS_PER_POST - 1;
            String text = random.nextInt(5) == 0 ? pick(EMOJI) + pick(EMOJI) : sentence(2, 22);
            if (!emit(new Comment(
                    platform,
                    commentId,
                    postId,
                    random.nextBoolean() ? String.valueOf(5_000_000_000L + random.nextInt(1_000_000)) : null,
                    handle(pick(NAMES)),
                    reply ? "@" + pick(NAMES) + " " + text : text,
                    published.plus(Duration.ofMinutes(1 + random.nextInt(3_000))),
                    reply ? firstComment : null,
                    (long) random.nextInt(40)))) {
                return false;
            }
            if (c == 0) {
                firstComment = commentId;
            }
        }
        return true;
    }

    /** Writes one line unless the file is full; returns whether the caller should go on. */
    private boolean emit(DataRecord record) {
        if (lines >= limit) {
            return false;
        }
        out.write(record);
        written.merge(record.type(), 1L, Long::sum);
        lines++;
        return lines < limit;
    }

    private String platformId(Platform platform) {
        long n = nextId++;
        return switch (platform) {
            case INSTAGRAM -> String.valueOf(17_841_400_000_000_000L + n);
            case TIKTOK -> String.valueOf(6_800_000_000_000_000_000L + n);
            case YOUTUBE -> "UC" + String.format(Locale.ROOT, "%022d", n);
            case BLUESKY -> "did:plc:" + String.format(Locale.ROOT, "%024d", n);
            case TWITTER, MASTODON -> String.valueOf(1_400_000_000_000_000_000L + n);
        };
    }

    private String postNumber() {
        return String.valueOf(7_300_000_000_000_000_000L + nextId++);
    }

    private String handle(String name) {
        return name + (random.nextBoolean() ? "." : "_") + pick(WORDS) + random.nextInt(1_000);
    }

    private String sentence(int minWords, int maxWords) {
        int n = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            sb.append(pick(WORDS));
        }
        if (random.nextInt(10) == 0) {
            sb.append(" \"").append(pick(WORDS)).append('"');
        }
        return capitalize(sb.toString()) + (random.nextBoolean() ? "!" : ".");
    }

    private long logNormal(long median, double sigma, long min) {
        return Math.max(min, Math.round(median * Math.exp(sigma * random.nextGaussian())));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
