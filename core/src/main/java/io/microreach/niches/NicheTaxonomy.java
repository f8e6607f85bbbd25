package io.microreach.niches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The niche taxonomy, loaded from {@code taxonomy.json} next to this class: data, not code, so adding a niche or an
 * example phrase needs no programming. The ids are those of PRODUCT.md and of the synthetic generator.
 */
public final class NicheTaxonomy {
    private static final String RESOURCE = "taxonomy.json";

    private final Map<String, Niche> byId;
    private final int version;

    private NicheTaxonomy(List<Niche> niches, int version) {
        Map<String, Niche> map = new LinkedHashMap<>();
        for (Niche n : niches) {
            if (map.put(n.id(), n) != null) {
                throw new IllegalArgumentException("taxonomy: niche id '" + n.id() + "' appears twice");
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
        this.version = version;
    }

    /** The shipped taxonomy. */
    public static NicheTaxonomy load() {
        try (InputStream in = NicheTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy.json is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the niche taxonomy: " + e.getMessage(), e);
        }
    }

    /** A taxonomy from explicit niches (tests, custom taxonomies). */
    public static NicheTaxonomy of(List<Niche> niches) {
        return new NicheTaxonomy(niches, 0);
    }

    private static NicheTaxonomy parse(JsonNode root) {
        List<Niche> niches = new ArrayList<>();
        for (JsonNode n : root.path("niches")) {
            List<String> examples = new ArrayList<>();
            n.path("examples").forEach(e -> examples.add(e.asText()));
            niches.add(new Niche(
                    n.path("id").asText(),
                    n.path("name").asText(),
                    n.path("description").asText(),
                    examples));
        }
        return new NicheTaxonomy(niches, root.path("version").asInt(0));
    }

    /** Niches in taxonomy order. */
    public List<Niche> niches() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public int size() {
        return byId.size();
    }

    public Optional<Niche> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Position of a niche in {@link #ids()}, or -1. */
    public int indexOf(String id) {
        int i = 0;
        for (String k : byId.keySet()) {
            if (k.equals(id)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Version of the taxonomy file; part of the classifier's identity so a taxonomy change forces reclassifying. */
    public int version() {
        return version;
    }
}
