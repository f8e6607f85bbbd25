package io.microreach.generator.campaigns;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.campaigns.AttributionBasis;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.domain.Account;
import io.microreach.domain.Captions;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.generator.GeneratorConfig;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.JsonlRecordWriter;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes generated campaigns with planted truth beside a generated creator pool (docs/generator.md "Campaigns").
 *
 * <p><b>What is planted.</b> Campaigns alternate finished and running (dates around the pool's "today"), each with 4–9
 * creators from the pool and one or two deliverables each. A creator's published posts bring human clicks (share of
 * followers reached × click-through rate, most within a day of the post) and the requests that are not clicks: link
 * previews right after posting, crawlers, prefetches and HEAD requests. Honest creators convert 2–6% of clicks into
 * orders (most within hours; some after the 7-day window, some losing the click id, a few a couple of minutes before
 * the click's time stamp as clocks differ); 45% of those orders also carry the creator's code, and code-only orders
 * (viewers who typed the code) make 20–60% of the creator's code orders. One creator per campaign (a second with
 * probability 1/4) has a leaked code: half a day to a week after the post it appears on a coupon site and brings a burst
 * of 8–57 code-only orders, at least twice the creator's honest code orders, while the creator's own link may still
 * be busy (which is what makes some leaks hard to see). Shops also have orders nobody brought (no
 * code, a shop-wide code, an unknown click id). Deliveries repeat 20% of orders, update 6% later (a smaller total,
 * {@code updatedAt}) and arrive out of order.
 *
 * <p>Posts: most partner posts are disclosed (a tag such as {@code #ad}, {@code #werbung}, "Paid partnership with",
 * or only the platform's label) and carry every requirement; about one in six is undisclosed (nothing, a weak
 * {@code #collab}, or "not an ad"), and each requirement is left out of one post in ten. UGC comes from new and pool
 * accounts that are not partners, inside the window; decoys are posts that name the brand without a tag, use the
 * hashtag outside the window, use a longer hashtag or a similar handle, or are the brand's own.
 *
 * <p>Deterministic: every campaign draws from its own stream (seed, campaign index), files are written in a fixed
 * order, so the same pool, seed and number give the same bytes.
 */
public final class CampaignGenerator {
    /** The base of the generated tracking URLs. */
    public static final String TRACKING_BASE = "https://go.microreach.example/r/";

    /** Shop-wide codes that belong to no creator. */
    static final List<String> SHOP_CODES = List.of("WELCOME10", "FREESHIP", "BLACKFRIDAY");

    private static final String[] BRANDS = {
        "glowco",
        "trailpeak",
        "brewnest",
        "fitfuel",
        "lumaskin",
        "petpals",
        "cozyhome",
        "urbanthread",
        "greenleaf",
        "pixelforge",
        "wanderpack",
        "nutrimix",
        "bloomjar",
        "ironroot",
        "seasaltco",
        "moonbrew",
        "tidyden",
        "velvetcase",
        "sunnyside",
        "peakform"
    };
    private static final String[] THEMES = {"spring", "summer", "launch", "drop", "glowup", "winter", "weekend", "edit"
    };
    private static final String[] OBJECTIVES = {"sales", "awareness", "engagement"};
    private static final String[] CURRENCIES = {"EUR", "USD", "EUR", "USD", "GBP"};
    private static final String[] PRODUCTS = {"serum", "starter kit", "bundle", "bottle", "backpack", "blend", "set"};
    private static final String[] FIRST = {
        "mia", "leo", "ana", "noah", "emma", "luca", "sofia", "jonas", "chloe", "mateo", "lina", "ben", "zoe", "omar",
        "ines", "felix", "nora", "hugo", "ella", "tom"
    };
    private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration WINDOW = Duration.ofDays(7);

    private final long seed;
    private final int campaigns;
    private final Instant now;

    /** Campaigns around the pool generator's default "today". */
    public CampaignGenerator(long seed, int campaigns) {
        this(seed, campaigns, GeneratorConfig.DEFAULT_NOW);
    }

    /**
     * @param campaigns how many, 1 to 10,000
     * @param now the pool's "today": finished campaigns end before it, running ones after it
     */
    public CampaignGenerator(long seed, int campaigns, Instant now) {
        if (campaigns < 1 || campaigns > 10_000) {
            throw new IllegalArgumentException("campaigns must be between 1 and 10000, got " + campaigns);
        }
        this.seed = seed;
        this.campaigns = campaigns;
        this.now = Objects.requireNonNull(now, "now");
    }

    /** What was written. */
    public record Summary(
            Path folder,
            int campaigns,
            int creators,
            int clickRequests,
            int orderDeliveries,
            int distinctOrders,
            int posts,
            int leakedCodes) {}

    /**
     * Reads the pool's accounts from {@code poolDir/data.jsonl} and writes {@code poolDir/campaigns/}.
     *
     * @throws IOException when the pool cannot be read (naming the file) or the files cannot be written
     */
    public Summary generate(Path poolDir) throws IOException {
        List<Account> pool = readAccounts(poolDir.resolve("data.jsonl"));
        if (pool.size() < 12) {
            throw new IOException(
                    poolDir.resolve("data.jsonl") + ": needs at least 12 accounts for campaigns, has " + pool.size());
        }
        World world = new World(pool);
        for (int i = 0; i < campaigns; i++) {
            world.campaign(i, new SplittableRandom(mix(seed, i)));
        }
        Path folder = Files.createDirectories(poolDir.resolve(CampaignDataSet.FOLDER));
        world.write(folder);
        return new Summary(
                folder,
                campaigns,
                world.creatorCount,
                world.clicks.size(),
                world.deliveries.size(),
                world.orderTruth.size(),
                world.partnerPosts,
                world.leaks);
    }

    static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<Account> readAccounts(Path data) throws IOException {
        List<Account> out = new ArrayList<>();
        try (RecordSource source = InputFiles.open(data)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Parsed p && p.record() instanceof Account a) {
                    out.add(a);
                }
            }
        } catch (UnusableInputException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    /** One click request with its planted kind. */
    private record Click(CampaignDataSet.ClickRequest request, ClickKind kind, long creator) {}

    /** One delivery of an order body. */
    private record Delivery(Instant at, long seq, CampaignDataSet.OrderBody body) {}

    /** Everything generated so far, written at the end. */
    private final class World {
        final List<Account> pool;
        final List<Account> eligible;
        final List<CampaignDataSet.Campaign> out = new ArrayList<>();
        final List<Click> clicks = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        final List<CampaignDataSet.OrderTruth> orderTruth = new ArrayList<>();
        final List<CampaignDataSet.CreatorTruth> creatorTruth = new ArrayList<>();
        final List<CampaignDataSet.PostTruth> postTruth = new ArrayList<>();
        final List<CampaignDataSet.UgcTruth> ugcTruth = new ArrayList<>();
        final List<DataRecord> records = new ArrayList<>();
        final Set<String> codes = new HashSet<>(SHOP_CODES);
        final Set<String> ids = new HashSet<>();
        long seq;
        int creatorCount;
        int partnerPosts;
        int leaks;

        World(List<Account> pool) {
            this.pool = pool;
            List<Account> e = new ArrayList<>();
            for (Account a : pool) {
                if (a.followers() >= 1_000 && a.followers() <= 500_000) {
                    e.add(a);
                }
            }
            this.eligible = e.size() >= 12 ? e : pool;
        }

        void campaign(int i, SplittableRandom r) {
            String brand =
                    BRANDS[i % BRANDS.length] + (i >= BRANDS.length ? String.valueOf(i / BRANDS.length + 1) : "");
            String theme = THEMES[r.nextInt(THEMES.length)];
            String hashtag = brand + theme;
            String campaignName = capital(brand) + " " + theme + " #" + (i + 1);
            boolean finished = i % 2 == 0;
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate start;
            LocalDate end;
            if (finished) {
                start = today.minusDays(45 + r.nextInt(106));
                end = start.plusDays(21 + r.nextInt(15));
            } else {
                start = today.minusDays(16 + r.nextInt(9));
                end = start.plusDays(30 + r.nextInt(13));
            }
            Instant startAt = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant endAt =
                    end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
            Instant cutoff = min(end.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
            String brandHandle = brand;

            int n = 4 + r.nextInt(6);
            List<Account> chosen = new ArrayList<>();
            Set<Integer> taken = new HashSet<>();
            while (chosen.size() < n) {
                int k = r.nextInt(eligible.size());
                if (taken.add(k)) {
                    chosen.add(eligible.get(k));
                }
            }
            Set<Integer> leaked = new HashSet<>();
            leaked.add(r.nextInt(n));
            if (r.nextDouble() < 0.25) {
                leaked.add(r.nextInt(n));
            }
            Set<String> partnerIds = new HashSet<>();
            chosen.forEach(a -> partnerIds.add(a.platformId()));

            List<CampaignDataSet.Creator> creators = new ArrayList<>();
            List<CreatorState> states = new ArrayList<>();
            BigDecimal fees = BigDecimal.ZERO;
            for (int c = 0; c < n; c++) {
                Account a = chosen.get(c);
                creatorCount++;
                String promo = promoCode(a.handle(), r);
                String tracking = randomId(r, 10);
                BigDecimal fee = money(40 + a.followers() * (0.006 + 0.009 * r.nextDouble()));
                int count = r.nextDouble() < 0.7 ? 1 : 2;
                List<CampaignDataSet.Deliverable> deliverables = new ArrayList<>();
                CreatorState state = new CreatorState(a, promo, tracking, leaked.contains(c));
                for (int k = 0; k < count; k++) {
                    LocalDate due = start.plusDays(4 + r.nextInt((int) Math.max(1, daysBetween(start, end) - 6)));
                    DeliverableStatus status = status(r, finished, due, today, state.leaked && k == 0);
                    boolean requireLink = r.nextDouble() < 0.6;
                    int revisions = revisions(r, status);
                    String postId = null;
                    if (status.isPublished()) {
                        LocalDate published =
                                r.nextDouble() < 0.2 ? due.plusDays(1 + r.nextInt(4)) : due.minusDays(r.nextInt(4));
                        Instant at = published
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .plusSeconds(8 * 3600 + r.nextInt(14 * 3600));
                        Instant latest = min(cutoff, now).minus(Duration.ofHours(30));
                        if (at.isAfter(latest)) {
                            at = latest;
                        }
                        if (at.isBefore(startAt)) {
                            at = startAt.plusSeconds(9 * 3600);
                        }
                        postId = "cp" + Long.toUnsignedString(seed, 36) + "-" + i + "-" + c + "-" + k;
                        partnerPost(r, i, campaignName, a, state, postId, at, hashtag, brandHandle, requireLink);
                        state.posts.add(at);
                    }
                    deliverables.add(new CampaignDataSet.Deliverable(
                            format(a.platform(), r),
                            due,
                            money(fee.doubleValue() / count),
                            List.of(hashtag),
                            List.of(brandHandle),
                            requireLink,
                            status.dbValue(),
                            postId,
                            revisions));
                }
                fees = fees.add(fee);
                creators.add(new CampaignDataSet.Creator(
                        a.platform().id(),
                        a.platformId(),
                        a.handle(),
                        a.followers(),
                        promo,
                        tracking,
                        fee,
                        deliverables));
                states.add(state);
                creatorTruth.add(new CampaignDataSet.CreatorTruth(campaignName, tracking, state.leaked));
                if (state.leaked) {
                    leaks++;
                }
                if (!state.posts.isEmpty() && r.nextDouble() < 0.3) {
                    // A partner's own extra post with the hashtag: never UGC.
                    Instant at = between(r, startAt, min(endAt, now));
                    records.add(post(
                            a,
                            "cx" + Long.toUnsignedString(seed, 36) + "-" + i + "-" + c,
                            at,
                            "Behind the scenes of my shoot #" + hashtag,
                            r,
                            null));
                }
            }
            for (CreatorState s : states) {
                clicksAndOrders(r, s, states, cutoff, currency, i);
            }
            organicOrders(r, i, startAt, cutoff, currency, states);
            ugc(
                    r,
                    i,
                    campaignName,
                    chosen.get(0).platform(),
                    partnerIds,
                    hashtag,
                    brandHandle,
                    startAt,
                    endAt,
                    start,
                    end);
            BigDecimal budget = fees.multiply(BigDecimal.valueOf(1.2)).setScale(0, RoundingMode.CEILING);
            out.add(new CampaignDataSet.Campaign(
                    campaignName,
                    OBJECTIVES[r.nextInt(OBJECTIVES.length)],
                    budget,
                    currency,
                    start,
                    end,
                    "https://" + brand + ".example/" + theme,
                    hashtag,
                    List.of(brandHandle),
                    finished ? "finished" : "running",
                    creators));
        }

        DeliverableStatus status(
                SplittableRandom r, boolean finished, LocalDate due, LocalDate today, boolean mustPublish) {
            if (mustPublish) {
                return finished ? DeliverableStatus.PAID : DeliverableStatus.PUBLISHED;
            }
            double u = r.nextDouble();
            if (finished) {
                return u < 0.78
                        ? DeliverableStatus.PAID
                        : u < 0.84
                                ? DeliverableStatus.PUBLISHED
                                : u < 0.92 ? DeliverableStatus.GHOSTED : DeliverableStatus.DECLINED;
            }
            if (due.isBefore(today.minusDays(2))) {
                return u < 0.6
                        ? DeliverableStatus.PUBLISHED
                        : u < 0.7
                                ? DeliverableStatus.PAID
                                : u < 0.8
                                        ? DeliverableStatus.APPROVED
                                        : u < 0.9 ? DeliverableStatus.SUBMITTED : DeliverableStatus.GHOSTED;
            }
            return u < 0.1
                    ? DeliverableStatus.INVITED
                    : u < 0.4
                            ? DeliverableStatus.ACCEPTED
                            : u < 0.65
                                    ? DeliverableStatus.SUBMITTED
                                    : u < 0.8 ? DeliverableStatus.REVISIONS_REQUESTED : DeliverableStatus.APPROVED;
        }

        int revisions(SplittableRandom r, DeliverableStatus status) {
            if (status == DeliverableStatus.REVISIONS_REQUESTED) {
                return 1 + r.nextInt(2);
            }
            if (status == DeliverableStatus.INVITED
                    || status == DeliverableStatus.ACCEPTED
                    || status == DeliverableStatus.DECLINED) {
                return 0;
            }
            double u = r.nextDouble();
            return u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
        }

        void partnerPost(
                SplittableRandom r,
                int i,
                String campaign,
                Account a,
                CreatorState s,
                String postId,
                Instant at,
                String hashtag,
                String brand,
                boolean requireLink) {
            partnerPosts++;
            boolean disclosed = r.nextDouble() >= 1.0 / 6;
            boolean missTag = r.nextDouble() < 0.1;
            boolean missMention = r.nextDouble() < 0.1;
            boolean missLink = requireLink && r.nextDouble() < 0.1;
            List<String> missing = new ArrayList<>();
            StringBuilder caption = new StringBuilder();
            Boolean flag = a.platform() == Platform.INSTAGRAM || a.platform() == Platform.TIKTOK ? false : null;
            int variant = r.nextInt(5);
            if (disclosed && variant == 1 && !missMention) {
                caption.append("Paid partnership with @").append(brand).append(". ");
            }
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            caption.append(
                    switch (r.nextInt(4)) {
                        case 0 -> "Obsessed with the new " + product + " from ";
                        case 1 -> "Three weeks with the " + product + " by ";
                        case 2 -> "My honest review of the " + product + " from ";
                        default -> "Finally tried the " + product + " from ";
                    });
            if (missMention) {
                caption.append(capital(brand)).append(". ");
                missing.add("@" + brand);
            } else {
                caption.append('@').append(brand).append(". ");
            }
            if (!disclosed) {
                switch (variant) {
                    case 1 -> caption.append("Not an ad, I just love it! ");
                    case 2 -> caption.append("#collab ");
                    default -> {}
                }
            }
            if (requireLink && !missLink) {
                if (r.nextBoolean()) {
                    caption.append("Code ").append(s.promo).append(" for 15% off. ");
                } else {
                    caption.append("Shop it: ")
                            .append(TRACKING_BASE)
                            .append(s.tracking)
                            .append(" ");
                }
            } else if (requireLink) {
                caption.append("Link in bio. ");
                missing.add("link");
            } else if (r.nextDouble() < 0.3) {
                caption.append("Code ").append(s.promo).append(" for 10% off. ");
            }
            if (missTag) {
                missing.add("#" + hashtag);
            } else {
                caption.append('#').append(hashtag).append(' ');
            }
            if (disclosed) {
                switch (variant) {
                    case 0 -> caption.append("#ad");
                    case 2 -> flag = null;
                    case 3 ->
                        caption.append(
                                "de".equals(a.language())
                                        ? "#werbung"
                                        : "es".equals(a.language()) ? "#publicidad" : "#ad");
                    case 4 -> caption.append("#anzeige");
                    default -> {}
                }
                if (variant == 1 && missMention) {
                    caption.append("#sponsored");
                }
                if (variant == 2) {
                    if (a.platform() == Platform.INSTAGRAM || a.platform() == Platform.TIKTOK) {
                        flag = true;
                    } else {
                        caption.append("#ad");
                    }
                }
            }
            records.add(post(a, postId, at, caption.toString().strip(), r, flag));
            postTruth.add(new CampaignDataSet.PostTruth(campaign, postId, s.tracking, disclosed, missing));
        }

        Post post(Account a, String id, Instant at, String caption, SplittableRandom r, Boolean flag) {
            long followers = Math.max(50, a.followers());
            long likes = Math.round(followers * (0.01 + 0.05 * r.nextDouble()));
            long comments = Math.round(likes * (0.01 + 0.04 * r.nextDouble()));
            boolean video = a.platform().isVideoFirst();
            Long saves = a.platform() == Platform.INSTAGRAM ? Math.round(likes * 0.05) : null;
            Long shares = video ? Math.round(likes * 0.03) : null;
            Long views = video ? Math.round(followers * (0.3 + 1.2 * r.nextDouble())) : null;
            return new Post(
                    a.platform(),
                    id,
                    a.platformId(),
                    at,
                    video ? PostFormat.VIDEO : PostFormat.PHOTO,
                    caption,
                    Captions.hashtags(caption),
                    Captions.mentions(caption),
                    likes,
                    comments,
                    shares,
                    saves,
                    views,
                    a.followers(),
                    flag,
                    null);
        }

        void clicksAndOrders(
                SplittableRandom r, CreatorState s, List<CreatorState> all, Instant cutoff, String currency, int i) {
            if (s.posts.isEmpty()) {
                return;
            }
            double reach = 0.15 + 0.25 * r.nextDouble();
            double ctr = (0.005 + 0.02 * r.nextDouble()) * (r.nextDouble() < 0.15 ? 4 : 1); // some posts go viral
            double conversion = 0.02 + 0.04 * r.nextDouble();
            double codeOnlyShare = 0.2 + 0.4 * r.nextDouble();
            List<String> visitors = new ArrayList<>();
            for (Instant posted : s.posts) {
                long humans =
                        Math.min(4000, Math.round(s.account.followers() * reach * ctr * (0.7 + 0.6 * r.nextDouble())));
                for (long k = 0; k < humans; k++) {
                    Instant at = r.nextDouble() < 0.8
                            ? posted.plusSeconds((long) exp(r, 18 * 3600))
                            : between(r, posted, cutoff);
                    if (at.isAfter(cutoff)) {
                        continue;
                    }
                    String visitor = !visitors.isEmpty() && r.nextDouble() < 0.15
                            ? visitors.get(r.nextInt(visitors.size()))
                            : "v" + Long.toHexString(r.nextLong());
                    visitors.add(visitor);
                    CampaignDataSet.ClickRequest c = request(r, s, at, visitor, "GET", pick(r, Agents.PEOPLE), null);
                    clicks.add(new Click(c, ClickKind.CLICK, 0));
                    s.humanClicks.add(c);
                }
                int previews = 2 + r.nextInt(5);
                for (int k = 0; k < previews; k++) {
                    Instant at = posted.plusSeconds(r.nextInt(7200));
                    clicks.add(new Click(
                            request(
                                    r,
                                    s,
                                    at,
                                    "v" + Long.toHexString(r.nextLong()),
                                    "GET",
                                    pick(r, Agents.PREVIEWS),
                                    null),
                            ClickKind.PREVIEW,
                            0));
                }
                int bots = r.nextInt(5);
                for (int k = 0; k < bots; k++) {
                    String agent = pick(r, Agents.BOTS);
                    clicks.add(new Click(
                            request(
                                    r,
                                    s,
                                    between(r, posted, cutoff),
                                    "v" + Long.toHexString(r.nextLong()),
                                    "GET",
                                    agent.isEmpty() ? null : agent,
                                    null),
                            ClickKind.BOT,
                            0));
                }
                int prefetches = r.nextInt(4);
                for (int k = 0; k < prefetches; k++) {
                    clicks.add(new Click(
                            request(
                                    r,
                                    s,
                                    posted.plusSeconds((long) exp(r, 18 * 3600)),
                                    "v" + Long.toHexString(r.nextLong()),
                                    "GET",
                                    pick(r, Agents.PEOPLE),
                                    r.nextBoolean() ? "prefetch" : "prefetch;prerender"),
                            ClickKind.PREFETCH,
                            0));
                }
                int heads = r.nextInt(3);
                for (int k = 0; k < heads; k++) {
                    clicks.add(new Click(
                            request(
                                    r,
                                    s,
                                    posted.plusSeconds(r.nextInt(86_400)),
                                    "v" + Long.toHexString(r.nextLong()),
                                    "HEAD",
                                    r.nextBoolean() ? pick(r, Agents.PEOPLE) : pick(r, Agents.PREVIEWS),
                                    null),
                            ClickKind.HEAD,
                            0));
                }
            }
            // Orders that followed clicks.
            int clickedWithCode = 0;
            for (CampaignDataSet.ClickRequest c : s.humanClicks) {
                if (r.nextDouble() >= conversion) {
                    continue;
                }
                double u = r.nextDouble();
                Duration lag;
                if (u < 0.01) {
                    lag = Duration.ofSeconds(-30 - r.nextInt(200)); // the shop's clock runs a little behind ours
                } else if (u < 0.80) {
                    lag = Duration.ofSeconds((long) Math.min(exp(r, 2 * 3600), 3 * 86_400));
                } else if (u < 0.96) {
                    lag = Duration.ofSeconds(86_400 + r.nextInt((int) (5.5 * 86_400)));
                } else {
                    lag = Duration.ofSeconds((long) (7.5 * 86_400) + r.nextInt(4 * 86_400));
                }
                Instant created = c.at().plus(lag);
                if (created.isAfter(cutoff)) {
                    continue;
                }
                boolean carriesClick = r.nextDouble() < 0.92;
                boolean code = r.nextDouble() < 0.45;
                if (code) {
                    clickedWithCode++;
                }
                AttributionBasis basis = code
                        ? AttributionBasis.PROMO_CODE
                        : carriesClick && lag.compareTo(WINDOW) <= 0 ? AttributionBasis.CLICK : AttributionBasis.NONE;
                order(
                        r,
                        i,
                        created,
                        currency,
                        code ? s.promo : null,
                        carriesClick ? c.clickId() : null,
                        basis == AttributionBasis.NONE ? null : s.tracking,
                        basis,
                        cutoff);
            }
            // Viewers who typed the code they saw.
            long codeOnly = Math.round(clickedWithCode * codeOnlyShare / (1 - codeOnlyShare) + r.nextDouble() - 0.5);
            for (long k = 0; k < codeOnly; k++) {
                Instant posted = s.posts.get(r.nextInt(s.posts.size()));
                Instant created = posted.plusSeconds((long) exp(r, 30 * 3600));
                if (created.isAfter(cutoff)) {
                    continue;
                }
                String clickId = null;
                if (r.nextDouble() < 0.05) {
                    CreatorState other = all.get(r.nextInt(all.size()));
                    if (other != s && !other.humanClicks.isEmpty()) {
                        CampaignDataSet.ClickRequest c = other.humanClicks.get(r.nextInt(other.humanClicks.size()));
                        if (c.at().isBefore(created)) {
                            clickId = c.clickId();
                        }
                    }
                }
                order(r, i, created, currency, s.promo, clickId, s.tracking, AttributionBasis.PROMO_CODE, cutoff);
                s.honestCodeOrders++;
            }
            s.honestCodeOrders += clickedWithCode;
            if (s.leaked) {
                Instant first = s.posts.stream().min(Comparator.naturalOrder()).orElseThrow();
                Instant listed = first.plusSeconds(43_200 + r.nextInt(7 * 86_400));
                Instant latest = cutoff.minus(Duration.ofHours(40));
                if (listed.isAfter(latest)) {
                    listed = max(first.plusSeconds(6 * 3600), latest);
                }
                long coupon = Math.max(8 + r.nextInt(50), 2L * s.honestCodeOrders);
                String written = r.nextDouble() < 0.3 ? s.promo.toLowerCase(Locale.ROOT) : s.promo;
                for (long k = 0; k < coupon; k++) {
                    Instant created = r.nextDouble() < 0.6
                            ? listed.plusSeconds((long) exp(r, 10 * 3600))
                            : listed.plusSeconds(r.nextInt(10 * 86_400));
                    if (created.isAfter(cutoff)) {
                        continue;
                    }
                    order(r, i, created, currency, written, null, s.tracking, AttributionBasis.PROMO_CODE, cutoff);
                }
            }
        }

        void organicOrders(
                SplittableRandom r, int i, Instant start, Instant cutoff, String currency, List<CreatorState> states) {
            int n = 3 + r.nextInt(Math.max(1, states.size() * 3));
            for (int k = 0; k < n; k++) {
                Instant created = between(r, start, cutoff);
                double u = r.nextDouble();
                String code = u < 0.25 ? SHOP_CODES.get(r.nextInt(SHOP_CODES.size())) : null;
                String click = u >= 0.25 && u < 0.35 ? "k" + randomId(r, 12) : null;
                order(r, i, created, currency, code, click, null, AttributionBasis.NONE, cutoff);
            }
        }

        void order(
                SplittableRandom r,
                int campaign,
                Instant created,
                String currency,
                String code,
                String clickId,
                String creator,
                AttributionBasis basis,
                Instant cutoff) {
            String id = "ORD-" + (campaign + 1) + "-" + (orderTruth.size() + 1);
            List<CampaignDataSet.LineItem> items = new ArrayList<>();
            int n = 1 + (r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0);
            for (int k = 0; k < n; k++) {
                double price = 8 + StrictMath.exp(3.1 + 0.5 * normal(r));
                items.add(new CampaignDataSet.LineItem(
                        "SKU-" + (100 + r.nextInt(60)),
                        PRODUCTS[r.nextInt(PRODUCTS.length)],
                        r.nextDouble() < 0.85 ? 1 : 2,
                        money(price)));
            }
            CampaignDataSet.OrderBody body =
                    new CampaignDataSet.OrderBody(id, created, null, total(items), currency, code, clickId, items);
            Instant delivered = created.plusSeconds((long) exp(r, 120));
            if (r.nextDouble() < 0.05) {
                delivered = delivered.plusSeconds((long) exp(r, 3 * 3600));
            }
            deliveries.add(new Delivery(delivered, seq++, body));
            if (r.nextDouble() < 0.2) {
                deliveries.add(new Delivery(delivered.plusSeconds((long) exp(r, 600)), seq++, body));
            }
            BigDecimal finalTotal = body.total();
            Instant updated = created.plusSeconds(3600 + r.nextInt(71 * 3600));
            if (r.nextDouble() < 0.06 && !updated.isAfter(now)) {
                List<CampaignDataSet.LineItem> less = new ArrayList<>(items);
                if (less.size() > 1) {
                    less.remove(less.size() - 1);
                } else {
                    CampaignDataSet.LineItem only = less.remove(0);
                    less.add(new CampaignDataSet.LineItem(
                            only.sku(),
                            only.name(),
                            only.quantity(),
                            money(only.price().doubleValue() * 0.8)));
                }
                CampaignDataSet.OrderBody update =
                        new CampaignDataSet.OrderBody(id, created, updated, total(less), currency, code, clickId, less);
                Instant at = updated.plusSeconds((long) exp(r, 120));
                deliveries.add(new Delivery(at, seq++, update));
                if (r.nextDouble() < 0.25) {
                    deliveries.add(new Delivery(at.plusSeconds((long) exp(r, 600)), seq++, update));
                }
                finalTotal = update.total();
            }
            orderTruth.add(new CampaignDataSet.OrderTruth(id, finalTotal, creator, basis));
        }

        void ugc(
                SplittableRandom r,
                int i,
                String campaign,
                Platform platform,
                Set<String> partnerIds,
                String hashtag,
                String brand,
                Instant startAt,
                Instant endAt,
                LocalDate start,
                LocalDate end) {
            Instant last = min(endAt, now);
            int n = 5 + r.nextInt(10);
            for (int k = 0; k < n; k++) {
                Account author = author(r, i, "u", k, platform, partnerIds);
                String caption = switch (r.nextInt(4)) {
                    case 0 -> "Loving this #" + capital(hashtag) + " moment";
                    case 1 -> "New favourite from @" + capital(brand) + " 😍";
                    case 2 -> "Weekend vibes with @" + brand + " #" + hashtag.toUpperCase(Locale.ROOT);
                    default -> "My haul is here #" + hashtag;
                };
                String id = "ugc" + Long.toUnsignedString(seed, 36) + "-" + i + "-" + k;
                records.add(ugcPost(r, author, id, between(r, startAt, last), caption));
                ugcTruth.add(new CampaignDataSet.UgcTruth(campaign, id));
            }
            Account brandAccount = new Account(
                    platform,
                    "brand" + Long.toUnsignedString(seed, 36) + "-" + i,
                    brand,
                    capital(brand),
                    null,
                    null,
                    null,
                    20_000 + r.nextInt(80_000),
                    null,
                    null,
                    false,
                    true,
                    false,
                    null,
                    null,
                    null,
                    now);
            records.add(brandAccount);
            int decoys = 4 + r.nextInt(7);
            for (int k = 0; k < decoys; k++) {
                String id = "dc" + Long.toUnsignedString(seed, 36) + "-" + i + "-" + k;
                int kind = r.nextInt(5);
                Account author = kind == 3 ? brandAccount : author(r, i, "d", k, platform, partnerIds);
                Instant at = between(r, startAt, last);
                String caption;
                switch (kind) {
                    case 0 -> caption = "Finally ordered from " + brand + " after seeing it everywhere";
                    case 1 -> {
                        caption = "Throwback #" + hashtag;
                        at = r.nextBoolean()
                                        || end.plusDays(2)
                                                .atStartOfDay(ZoneOffset.UTC)
                                                .toInstant()
                                                .isAfter(now)
                                ? startAt.minusSeconds(86_400L * (2 + r.nextInt(19)))
                                : endAt.plusSeconds(86_400L * (1 + r.nextInt(5)));
                        if (at.isAfter(now)) {
                            at = startAt.minusSeconds(3 * 86_400);
                        }
                    }
                    case 2 -> caption = "Big fan of the #" + hashtag + "fans crew";
                    case 3 -> caption = "Our new drop is live #" + hashtag;
                    default -> caption = "Shout out to @" + brand + "_fan for the tips";
                }
                records.add(ugcPost(r, author, id, at, caption));
            }
        }

        Account author(SplittableRandom r, int i, String prefix, int k, Platform platform, Set<String> partnerIds) {
            if (r.nextDouble() < 0.3) {
                for (int tries = 0; tries < 20; tries++) {
                    Account a = pool.get(r.nextInt(pool.size()));
                    if (!partnerIds.contains(a.platformId())) {
                        return a;
                    }
                }
            }
            String handle = FIRST[r.nextInt(FIRST.length)] + "." + FIRST[r.nextInt(FIRST.length)] + r.nextInt(1000);
            Account a = new Account(
                    platform,
                    prefix + Long.toUnsignedString(seed, 36) + "-" + i + "-" + k,
                    handle,
                    null,
                    null,
                    null,
                    null,
                    (long) (300 + StrictMath.exp(5 + 1.2 * r.nextDouble() * 3)),
                    null,
                    null,
                    false,
                    false,
                    false,
                    null,
                    null,
                    null,
                    now);
            records.add(a);
            return a;
        }

        Post ugcPost(SplittableRandom r, Account a, String id, Instant at, String caption) {
            long likes = 3 + r.nextInt(400);
            return new Post(
                    a.platform(),
                    id,
                    a.platformId(),
                    at,
                    PostFormat.PHOTO,
                    caption,
                    Captions.hashtags(caption),
                    Captions.mentions(caption),
                    likes,
                    (long) r.nextInt(30),
                    null,
                    null,
                    null,
                    a.followers(),
                    null,
                    null);
        }

        CampaignDataSet.ClickRequest request(
                SplittableRandom r,
                CreatorState s,
                Instant at,
                String visitor,
                String method,
                String agent,
                String purpose) {
            String id;
            do {
                id = "k" + randomId(r, 12);
            } while (!ids.add(id));
            return new CampaignDataSet.ClickRequest(id, s.tracking, at, visitor, method, agent, purpose);
        }

        String promoCode(String handle, SplittableRandom r) {
            StringBuilder letters = new StringBuilder();
            for (char ch : handle.toUpperCase(Locale.ROOT).toCharArray()) {
                if (ch >= 'A' && ch <= 'Z' && letters.length() < 8) {
                    letters.append(ch);
                }
            }
            if (letters.length() < 3) {
                letters.append("MR");
            }
            int[] discounts = {10, 15, 20};
            String code = letters.toString() + discounts[r.nextInt(3)];
            while (!codes.add(code)) {
                code = letters.toString() + (10 + r.nextInt(90));
            }
            return code;
        }

        String randomId(SplittableRandom r, int length) {
            String id;
            do {
                StringBuilder b = new StringBuilder(length);
                for (int k = 0; k < length; k++) {
                    b.append(BASE62.charAt(r.nextInt(BASE62.length())));
                }
                id = b.toString();
            } while (length == 10 && !ids.add(id));
            return id;
        }

        void write(Path folder) throws IOException {
            ObjectMapper mapper = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            ObjectMapper lines = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("seed", seed);
            root.put("trackingBase", TRACKING_BASE);
            ArrayNode list = root.putArray("campaigns");
            for (CampaignDataSet.Campaign c : out) {
                ObjectNode n = list.addObject();
                n.put("name", c.name());
                n.put("objective", c.objective());
                n.put("budget", c.budget());
                n.put("currency", c.currency());
                n.put("startsOn", c.startsOn().toString());
                n.put("endsOn", c.endsOn().toString());
                n.put("landingUrl", c.landingUrl());
                n.put("hashtag", c.hashtag());
                strings(n.putArray("brandHandles"), c.brandHandles());
                n.put("status", c.status());
                ArrayNode creators = n.putArray("creators");
                for (CampaignDataSet.Creator cr : c.creators()) {
                    ObjectNode cn = creators.addObject();
                    cn.put("platform", cr.platform());
                    cn.put("accountId", cr.accountId());
                    cn.put("handle", cr.handle());
                    cn.put("followers", cr.followers());
                    cn.put("promoCode", cr.promoCode());
                    cn.put("trackingCode", cr.trackingCode());
                    cn.put("fee", cr.fee());
                    ArrayNode ds = cn.putArray("deliverables");
                    for (CampaignDataSet.Deliverable d : cr.deliverables()) {
                        ObjectNode dn = ds.addObject();
                        dn.put("format", d.format());
                        dn.put("dueOn", d.dueOn().toString());
                        dn.put("fee", d.fee());
                        strings(dn.putArray("requiredHashtags"), d.requiredHashtags());
                        strings(dn.putArray("requiredMentions"), d.requiredMentions());
                        dn.put("requireLink", d.requireLink());
                        dn.put("status", d.status());
                        if (d.postPlatformId() != null) {
                            dn.put("postPlatformId", d.postPlatformId());
                        }
                        dn.put("revisions", d.revisions());
                    }
                }
            }
            try (Writer w =
                    Files.newBufferedWriter(folder.resolve(CampaignDataSet.CAMPAIGNS), StandardCharsets.UTF_8)) {
                mapper.writeValue(w, root);
                w.write('\n');
            }
            List<Click> sortedClicks = new ArrayList<>(clicks);
            sortedClicks.sort(Comparator.comparing((Click c) -> c.request().at())
                    .thenComparing(c -> c.request().clickId()));
            try (BufferedWriter w =
                    Files.newBufferedWriter(folder.resolve(CampaignDataSet.CLICKS), StandardCharsets.UTF_8)) {
                for (Click c : sortedClicks) {
                    CampaignDataSet.ClickRequest q = c.request();
                    ObjectNode n = lines.createObjectNode();
                    n.put("clickId", q.clickId());
                    n.put("trackingCode", q.trackingCode());
                    n.put("at", q.at().toString());
                    n.put("visitor", q.visitor());
                    n.put("method", q.method());
                    if (q.userAgent() != null) {
                        n.put("userAgent", q.userAgent());
                    }
                    if (q.purpose() != null) {
                        n.put("purpose", q.purpose());
                    }
                    w.write(lines.writeValueAsString(n));
                    w.write('\n');
                }
            }
            List<Delivery> sortedDeliveries = new ArrayList<>(deliveries);
            sortedDeliveries.sort(Comparator.comparing(Delivery::at).thenComparingLong(Delivery::seq));
            try (BufferedWriter w =
                    Files.newBufferedWriter(folder.resolve(CampaignDataSet.ORDERS), StandardCharsets.UTF_8)) {
                for (Delivery d : sortedDeliveries) {
                    CampaignDataSet.OrderBody b = d.body();
                    ObjectNode n = lines.createObjectNode();
                    n.put("orderId", b.orderId());
                    n.put("createdAt", b.createdAt().toString());
                    if (b.updatedAt() != null) {
                        n.put("updatedAt", b.updatedAt().toString());
                    }
                    n.put("total", b.total());
                    n.put("currency", b.currency());
                    if (b.promoCode() != null) {
                        n.put("promoCode", b.promoCode());
                    }
                    if (b.clickId() != null) {
                        n.put("clickId", b.clickId());
                    }
                    ArrayNode items = n.putArray("lineItems");
                    for (CampaignDataSet.LineItem li : b.lineItems()) {
                        ObjectNode in = items.addObject();
                        in.put("sku", li.sku());
                        in.put("name", li.name());
                        in.put("quantity", li.quantity());
                        in.put("price", li.price());
                    }
                    w.write(lines.writeValueAsString(n));
                    w.write('\n');
                }
            }
            try (JsonlRecordWriter w = new JsonlRecordWriter(
                    Files.newBufferedWriter(folder.resolve(CampaignDataSet.POSTS), StandardCharsets.UTF_8))) {
                Set<String> written = new HashSet<>();
                for (DataRecord record : records) {
                    if (record instanceof Account a && !written.add(a.platform().id() + "/" + a.platformId())) {
                        continue;
                    }
                    w.write(record);
                }
            }
            try (BufferedWriter w =
                    Files.newBufferedWriter(folder.resolve(CampaignDataSet.TRUTH), StandardCharsets.UTF_8)) {
                for (CampaignDataSet.OrderTruth t : orderTruth) {
                    ObjectNode n = lines.createObjectNode();
                    n.put("type", "order");
                    n.put("orderId", t.orderId());
                    n.put("total", t.total());
                    if (t.trackingCode() == null) {
                        n.putNull("trackingCode");
                    } else {
                        n.put("trackingCode", t.trackingCode());
                    }
                    n.put("basis", t.basis().name().toLowerCase(Locale.ROOT));
                    line(w, lines, n);
                }
                for (CampaignDataSet.CreatorTruth t : creatorTruth) {
                    ObjectNode n = lines.createObjectNode();
                    n.put("type", "creator");
                    n.put("campaign", t.campaign());
                    n.put("trackingCode", t.trackingCode());
                    n.put("leaked", t.leaked());
                    line(w, lines, n);
                }
                for (CampaignDataSet.PostTruth t : postTruth) {
                    ObjectNode n = lines.createObjectNode();
                    n.put("type", "post");
                    n.put("campaign", t.campaign());
                    n.put("postId", t.postId());
                    n.put("trackingCode", t.trackingCode());
                    n.put("disclosed", t.disclosed());
                    strings(n.putArray("missing"), t.missing());
                    line(w, lines, n);
                }
                for (CampaignDataSet.UgcTruth t : ugcTruth) {
                    ObjectNode n = lines.createObjectNode();
                    n.put("type", "ugc");
                    n.put("campaign", t.campaign());
                    n.put("postId", t.postId());
                    line(w, lines, n);
                }
                for (Click c : sortedClicks) {
                    ObjectNode n = lines.createObjectNode();
                    n.put("type", "click");
                    n.put("clickId", c.request().clickId());
                    n.put("kind", c.kind().dbValue());
                    line(w, lines, n);
                }
            }
        }
    }

    /** What a creator of the campaign being generated has so far. */
    private static final class CreatorState {
        final Account account;
        final String promo;
        final String tracking;
        final boolean leaked;
        final List<Instant> posts = new ArrayList<>();
        final List<CampaignDataSet.ClickRequest> humanClicks = new ArrayList<>();
        long honestCodeOrders;

        CreatorState(Account account, String promo, String tracking, boolean leaked) {
            this.account = account;
            this.promo = promo;
            this.tracking = tracking;
            this.leaked = leaked;
        }
    }

    private static void line(Writer w, ObjectMapper mapper, ObjectNode n) throws IOException {
        w.write(mapper.writeValueAsString(n));
        w.write('\n');
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String format(Platform platform, SplittableRandom r) {
        return switch (platform) {
            case INSTAGRAM -> new String[] {"reel", "story", "photo", "carousel"}[r.nextInt(4)];
            case TIKTOK -> "video";
            case YOUTUBE -> r.nextBoolean() ? "video" : "short";
            case BLUESKY, TWITTER, MASTODON -> r.nextBoolean() ? "text" : "photo";
        };
    }

    private static BigDecimal total(List<CampaignDataSet.LineItem> items) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CampaignDataSet.LineItem li : items) {
            sum = sum.add(li.price().multiply(BigDecimal.valueOf(li.quantity())));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static double exp(SplittableRandom r, double mean) {
        return -mean * StrictMath.log(1 - r.nextDouble());
    }

    private static double normal(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    private static Instant between(SplittableRandom r, Instant a, Instant b) {
        long span = Math.max(1, b.getEpochSecond() - a.getEpochSecond());
        return a.plusSeconds((long) (r.nextDouble() * span));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long daysBetween(LocalDate a, LocalDate b) {
        return b.toEpochDay() - a.toEpochDay();
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
