package io.microreach.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The benchmark price table: per platform, tier and deliverable a low–high range in one currency, plus how strongly
 * engagement moves the price. The default ({@code default-price-table.json}) is built from the public rules of thumb
 * in PRODUCT.md for Instagram feed posts (nano $10–100, micro $100–500, mid $500–5k, about $100 per 10k followers),
 * extended to macro/mega by the same per-follower rule and to other deliverables and platforms by multipliers
 * written next to each row (a story about half a post, a reel or YouTube video more). They are modelling defaults,
 * not market data: a workspace replaces them with its own file.
 *
 * @param engagementElasticity exponent e of the engagement factor (ER / peer median ER)^e
 * @param minFactor lower clamp of the engagement factor
 * @param maxFactor upper clamp of the engagement factor
 */
public record PriceTable(
        String currency,
        double engagementElasticity,
        double minFactor,
        double maxFactor,
        Map<Platform, Map<Tier, Map<Deliverable, double[]>>> rows) {

    public static final String DEFAULT_RESOURCE = "/io/microreach/pricing/default-price-table.json";

    public static PriceTable defaults() {
        try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table; errors name the field. */
    public static PriceTable read(InputStream in, String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        String currency = text(root, "currency", name);
        double elasticity = root.path("engagementElasticity").asDouble(0.5);
        double min = root.path("minFactor").asDouble(0.5);
        double max = root.path("maxFactor").asDouble(2.0);
        Map<Platform, Map<Tier, Map<Deliverable, double[]>>> rows = new EnumMap<>(Platform.class);
        JsonNode prices = root.path("prices");
        if (!prices.isObject()) {
            throw new IllegalArgumentException(
                    name + ": field 'prices' must be an object platform → tier → deliverable");
        }
        for (Iterator<Map.Entry<String, JsonNode>> p = prices.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> pe = p.next();
            Platform platform = Platform.fromId(pe.getKey())
                    .orElseThrow(() ->
                            new IllegalArgumentException(name + ": prices." + pe.getKey() + ": unknown platform"));
            Map<Tier, Map<Deliverable, double[]>> tiers = new EnumMap<>(Tier.class);
            for (Iterator<Map.Entry<String, JsonNode>> t = pe.getValue().fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> te = t.next();
                Tier tier = tierOf(te.getKey(), name + ": prices." + pe.getKey() + "." + te.getKey());
                Map<Deliverable, double[]> ds = new EnumMap<>(Deliverable.class);
                for (Iterator<Map.Entry<String, JsonNode>> d = te.getValue().fields(); d.hasNext(); ) {
                    Map.Entry<String, JsonNode> de = d.next();
                    String field = name + ": prices." + pe.getKey() + "." + te.getKey() + "." + de.getKey();
                    if (de.getKey().startsWith("_")) {
                        continue; // comments
                    }
                    Deliverable deliverable = Deliverable.fromId(de.getKey())
                            .orElseThrow(() -> new IllegalArgumentException(field + ": unknown deliverable"));
                    if (!deliverable.isOfferedOn(platform)) {
                        throw new IllegalArgumentException(field + ": " + platform.id() + " has no " + deliverable.id()
                                + "; it has " + Deliverable.idsOn(platform));
                    }
                    JsonNode range = de.getValue();
                    if (!range.isArray()
                            || range.size() != 2
                            || range.get(0).asDouble() > range.get(1).asDouble()) {
                        throw new IllegalArgumentException(field + ": must be [low, high] with low <= high");
                    }
                    ds.put(
                            deliverable,
                            new double[] {range.get(0).asDouble(), range.get(1).asDouble()});
                }
                tiers.put(tier, ds);
            }
            rows.put(platform, tiers);
        }
        return new PriceTable(currency, elasticity, min, max, rows);
    }

    private static Tier tierOf(String id, String field) {
        for (Tier t : Tier.values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException(field + ": unknown tier");
    }

    private static String text(JsonNode root, String field, String name) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(name + ": field '" + field + "' is required");
        }
        return n.asText();
    }

    /** The [low, high] of a cell, if the table has it. */
    public double[] range(Platform platform, Tier tier, Deliverable deliverable) {
        double[] r = rows.getOrDefault(platform, Map.of())
                .getOrDefault(tier, Map.of())
                .get(deliverable);
        return r == null ? null : r.clone();
    }
}
