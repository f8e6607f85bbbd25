package io.microreach.generator.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.campaigns.AttributionBasis;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.OrderEvent;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The files {@link CampaignGenerator} writes, read back as typed records: what the demo loader turns into campaigns
 * and what {@code eval campaign} checks against the truth.
 */
public record CampaignDataSet(
        List<Campaign> campaigns,
        List<ClickRequest> clicks,
        List<OrderBody> orders,
        List<Account> accounts,
        List<Post> posts,
        Truth truth) {

    public static final String FOLDER = "campaigns";
    public static final String CAMPAIGNS = "campaigns.json";
    public static final String CLICKS = "clicks.jsonl";
    public static final String ORDERS = "orders.jsonl";
    public static final String POSTS = "campaign-posts.jsonl";
    public static final String TRUTH = "campaign-truth.jsonl";

    public CampaignDataSet {
        campaigns = List.copyOf(campaigns);
        clicks = List.copyOf(clicks);
        orders = List.copyOf(orders);
        accounts = List.copyOf(accounts);
        posts = List.copyOf(posts);
        Objects.requireNonNull(truth, "truth");
    }

    /**
     * A campaign.
     *
     * @param status {@code finished} or {@code running}
     */
    public record Campaign(
            String name,
            String objective,
            BigDecimal budget,
            String currency,
            LocalDate startsOn,
            LocalDate endsOn,
            String landingUrl,
            String hashtag,
            List<String> brandHandles,
            String status,
            List<Creator> creators) {
        public Campaign {
            brandHandles = List.copyOf(brandHandles);
            creators = List.copyOf(creators);
        }
    }

    /**
     * A creator of a campaign.
     *
     * @param accountId the platform id of the creator's account in the pool
     */
    public record Creator(
            String platform,
            String accountId,
            String handle,
            long followers,
            String promoCode,
            String trackingCode,
            BigDecimal fee,
            List<Deliverable> deliverables) {
        public Creator {
            deliverables = List.copyOf(deliverables);
        }
    }

    /**
     * A deliverable.
     *
     * @param status the final status, as {@link io.microreach.campaigns.DeliverableStatus#dbValue()}
     * @param postPlatformId the published post, or null
     */
    public record Deliverable(
            String format,
            LocalDate dueOn,
            BigDecimal fee,
            List<String> requiredHashtags,
            List<String> requiredMentions,
            boolean requireLink,
            String status,
            String postPlatformId,
            int revisions) {
        public Deliverable {
            requiredHashtags = List.copyOf(requiredHashtags);
            requiredMentions = List.copyOf(requiredMentions);
        }
    }

    /** One request to a tracking link, as the redirect sees it. */
    public record ClickRequest(
            String clickId,
            String trackingCode,
            Instant at,
            String visitor,
            String method,
            String userAgent,
            String purpose) {}

    /** One generic order webhook body, as delivered (duplicates and updates included). */
    public record OrderBody(
            String orderId,
            Instant createdAt,
            Instant updatedAt,
            BigDecimal total,
            String currency,
            String promoCode,
            String clickId,
            List<LineItem> lineItems) {
        public OrderBody {
            lineItems = List.copyOf(lineItems);
        }

        public OrderEvent toEvent() {
            return new OrderEvent(orderId, createdAt, total, currency, promoCode, clickId);
        }

        /** When this version of the order was made: the update time, else the creation time. */
        public Instant version() {
            return updatedAt == null ? createdAt : updatedAt;
        }
    }

    public record LineItem(String sku, String name, int quantity, BigDecimal price) {}

    /** What was planted. */
    public record Truth(
            List<OrderTruth> orders,
            List<CreatorTruth> creators,
            List<PostTruth> posts,
            List<UgcTruth> ugc,
            List<ClickTruth> clicks) {
        public Truth {
            orders = List.copyOf(orders);
            creators = List.copyOf(creators);
            posts = List.copyOf(posts);
            ugc = List.copyOf(ugc);
            clicks = List.copyOf(clicks);
        }
    }

    /**
     * @param trackingCode the credited creator's tracking code, or null when unattributed
     */
    public record OrderTruth(String orderId, BigDecimal total, String trackingCode, AttributionBasis basis) {}

    public record CreatorTruth(String campaign, String trackingCode, boolean leaked) {}

    /**
     * @param missing the requirements left out: {@code #tag}, {@code @handle}, {@code link}
     */
    public record PostTruth(
            String campaign, String postId, String trackingCode, boolean disclosed, List<String> missing) {
        public PostTruth {
            missing = List.copyOf(missing);
        }
    }

    public record UgcTruth(String campaign, String postId) {}

    public record ClickTruth(String clickId, ClickKind kind) {}

    /**
     * Reads the files from {@code dir}: the campaigns folder itself or the pool folder holding it.
     *
     * @throws FileNotFoundException naming the file when one is missing
     * @throws IOException naming file and line when a line cannot be read
     */
    public static CampaignDataSet read(Path dir) throws IOException {
        Path folder = folderOf(dir);
        ObjectMapper mapper = new ObjectMapper();
        Path campaignsFile = require(folder.resolve(CAMPAIGNS));
        for (String f : new String[] {CLICKS, ORDERS, POSTS, TRUTH}) {
            require(folder.resolve(f));
        }
        JsonNode root;
        try {
            root = mapper.readTree(campaignsFile.toFile());
        } catch (IOException e) {
            throw new IOException(campaignsFile + ": not JSON: " + e.getMessage(), e);
        }
        List<Campaign> campaigns = new ArrayList<>();
        Fields top = new Fields(campaignsFile, 0, root);
        for (JsonNode c : top.array("campaigns")) {
            campaigns.add(campaign(new Fields(campaignsFile, 0, c)));
        }
        List<ClickRequest> clicks = lines(
                folder.resolve(CLICKS),
                mapper,
                f -> new ClickRequest(
                        f.text("clickId"),
                        f.text("trackingCode"),
                        f.instant("at"),
                        f.text("visitor"),
                        f.text("method"),
                        f.optText("userAgent"),
                        f.optText("purpose")));
        List<OrderBody> orders = lines(folder.resolve(ORDERS), mapper, CampaignDataSet::order);
        List<Account> accounts = new ArrayList<>();
        List<Post> posts = new ArrayList<>();
        Path postsFile = folder.resolve(POSTS);
        try (RecordSource source = InputFiles.open(postsFile)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Rejected r) {
                    throw new IOException(postsFile + ":" + r.line() + ": " + r.rejection());
                }
                DataRecord record = ((ParsedLine.Parsed) line).record();
                if (record instanceof Account a) {
                    accounts.add(a);
                } else if (record instanceof Post p) {
                    posts.add(p);
                }
            }
        } catch (UnusableInputException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<OrderTruth> orderTruth = new ArrayList<>();
        List<CreatorTruth> creatorTruth = new ArrayList<>();
        List<PostTruth> postTruth = new ArrayList<>();
        List<UgcTruth> ugcTruth = new ArrayList<>();
        List<ClickTruth> clickTruth = new ArrayList<>();
        lines(folder.resolve(TRUTH), mapper, f -> {
            String type = f.text("type");
            switch (type) {
                case "order" ->
                    orderTruth.add(new OrderTruth(
                            f.text("orderId"),
                            f.decimal("total"),
                            f.optText("trackingCode"),
                            AttributionBasis.valueOf(f.text("basis").toUpperCase(Locale.ROOT))));
                case "creator" ->
                    creatorTruth.add(new CreatorTruth(f.text("campaign"), f.text("trackingCode"), f.bool("leaked")));
                case "post" ->
                    postTruth.add(new PostTruth(
                            f.text("campaign"),
                            f.text("postId"),
                            f.text("trackingCode"),
                            f.bool("disclosed"),
                            f.texts("missing")));
                case "ugc" -> ugcTruth.add(new UgcTruth(f.text("campaign"), f.text("postId")));
                case "click" ->
                    clickTruth.add(new ClickTruth(
                            f.text("clickId"), ClickKind.valueOf(f.text("kind").toUpperCase(Locale.ROOT))));
                default -> throw f.error("type", "unknown type '" + type + "'");
            }
            return type;
        });
        return new CampaignDataSet(
                campaigns,
                clicks,
                orders,
                accounts,
                posts,
                new Truth(orderTruth, creatorTruth, postTruth, ugcTruth, clickTruth));
    }

    /** The campaigns folder: {@code dir} itself when it holds campaigns.json, else {@code dir/campaigns}. */
    public static Path folderOf(Path dir) {
        return Files.exists(dir.resolve(CAMPAIGNS)) ? dir : dir.resolve(FOLDER);
    }

    private static Path require(Path file) throws FileNotFoundException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(file + ": not found");
        }
        return file;
    }

    private static Campaign campaign(Fields f) throws IOException {
        List<Creator> creators = new ArrayList<>();
        for (JsonNode c : f.array("creators")) {
            Fields cf = f.child(c);
            List<Deliverable> deliverables = new ArrayList<>();
            for (JsonNode d : cf.array("deliverables")) {
                Fields df = f.child(d);
                deliverables.add(new Deliverable(
                        df.text("format"),
                        df.date("dueOn"),
                        df.decimal("fee"),
                        df.texts("requiredHashtags"),
                        df.texts("requiredMentions"),
                        df.bool("requireLink"),
                        df.text("status"),
                        df.optText("postPlatformId"),
                        (int) df.number("revisions")));
            }
            creators.add(new Creator(
                    cf.text("platform"),
                    cf.text("accountId"),
                    cf.text("handle"),
                    cf.number("followers"),
                    cf.text("promoCode"),
                    cf.text("trackingCode"),
                    cf.decimal("fee"),
                    deliverables));
        }
        return new Campaign(
                f.text("name"),
                f.text("objective"),
                f.decimal("budget"),
                f.text("currency"),
                f.date("startsOn"),
                f.date("endsOn"),
                f.text("landingUrl"),
                f.optText("hashtag"),
                f.texts("brandHandles"),
                f.text("status"),
                creators);
    }

    private static OrderBody order(Fields f) throws IOException {
        List<LineItem> items = new ArrayList<>();
        for (JsonNode i : f.array("lineItems")) {
            Fields lf = f.child(i);
            items.add(new LineItem(lf.text("sku"), lf.text("name"), (int) lf.number("quantity"), lf.decimal("price")));
        }
        return new OrderBody(
                f.text("orderId"),
                f.instant("createdAt"),
                f.optInstant("updatedAt"),
                f.decimal("total"),
                f.text("currency"),
                f.optText("promoCode"),
                f.optText("clickId"),
                items);
    }

    private interface LineParser<T> {
        T parse(Fields f) throws IOException;
    }

    private static <T> List<T> lines(Path file, ObjectMapper mapper, LineParser<T> parser) throws IOException {
        List<T> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + ":" + n + ": malformed JSON", e);
                }
                out.add(parser.parse(new Fields(file, n, node)));
            }
        }
        return out;
    }

    /** Field access with errors that name file, line and field. */
    private record Fields(Path file, long line, JsonNode node) {
        Fields child(JsonNode n) {
            return new Fields(file, line, n);
        }

        IOException error(String field, String reason) {
            return new IOException(file + (line > 0 ? ":" + line : "") + ": field '" + field + "': " + reason);
        }

        JsonNode get(String field) throws IOException {
            JsonNode v = node == null ? null : node.get(field);
            if (v == null || v.isNull()) {
                throw error(field, "is required");
            }
            return v;
        }

        String text(String field) throws IOException {
            JsonNode v = get(field);
            if (!v.isTextual()) {
                throw error(field, "expected a string");
            }
            return v.asText();
        }

        String optText(String field) throws IOException {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : text(field);
        }

        long number(String field) throws IOException {
            JsonNode v = get(field);
            if (!v.isIntegralNumber()) {
                throw error(field, "expected a whole number");
            }
            return v.asLong();
        }

        boolean bool(String field) throws IOException {
            JsonNode v = get(field);
            if (!v.isBoolean()) {
                throw error(field, "expected true or false");
            }
            return v.asBoolean();
        }

        BigDecimal decimal(String field) throws IOException {
            JsonNode v = get(field);
            if (!v.isNumber()) {
                throw error(field, "expected a number");
            }
            return v.decimalValue();
        }

        Instant instant(String field) throws IOException {
            try {
                return Instant.parse(text(field));
            } catch (java.time.format.DateTimeParseException e) {
                throw error(field, "expected an ISO-8601 instant");
            }
        }

        Instant optInstant(String field) throws IOException {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : instant(field);
        }

        LocalDate date(String field) throws IOException {
            try {
                return LocalDate.parse(text(field));
            } catch (java.time.format.DateTimeParseException e) {
                throw error(field, "expected a date YYYY-MM-DD");
            }
        }

        List<String> texts(String field) throws IOException {
            List<String> out = new ArrayList<>();
            for (JsonNode v : array(field)) {
                if (!v.isTextual()) {
                    throw error(field, "expected strings");
                }
                out.add(v.asText());
            }
            return out;
        }

        Iterable<JsonNode> array(String field) throws IOException {
            JsonNode v = get(field);
            if (!v.isArray()) {
                throw error(field, "expected an array");
            }
            return v;
        }
    }
}
