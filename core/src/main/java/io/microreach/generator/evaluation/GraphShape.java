package io.microreach.generator.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shape of one follow graph: mean local clustering coefficient of its undirected view over the nodes with two or
 * more ties (the definition of the cohesion signal, so the two read alike), and reciprocity (share of directed
 * edges whose reverse is also there).
 */
final class GraphShape {
    /** Graphs with fewer nodes of degree two or more say nothing stable about clustering. */
    static final int MIN_WEDGE_NODES = 3;

    private final Map<String, Set<String>> neighbours = new HashMap<>();
    private final Set<String> directed = new HashSet<>();
    private long edges;

    void add(String source, String target) {
        if (source.equals(target) || !directed.add(source + "\u0000" + target)) {
            return;
        }
        edges++;
        neighbours.computeIfAbsent(source, k -> new HashSet<>()).add(target);
        neighbours.computeIfAbsent(target, k -> new HashSet<>()).add(source);
    }

    /** Mean local clustering over nodes with degree ≥ 2, or NaN when fewer than {@link #MIN_WEDGE_NODES}. */
    double clustering() {
        double sum = 0;
        int nodes = 0;
        for (Set<String> ns : neighbours.values()) {
            int k = ns.size();
            if (k < 2) {
                continue;
            }
            List<String> list = List.copyOf(ns);
            int links = 0;
            for (int i = 0; i < k; i++) {
                Set<String> ni = neighbours.get(list.get(i));
                for (int j = i + 1; j < k; j++) {
                    if (ni.contains(list.get(j))) {
                        links++;
                    }
                }
            }
            sum += links / (k * (k - 1) / 2.0);
            nodes++;
        }
        return nodes < MIN_WEDGE_NODES ? Double.NaN : sum / nodes;
    }

    /** Share of directed edges returned, or NaN without edges. */
    double reciprocity() {
        if (edges == 0) {
            return Double.NaN;
        }
        long returned = 0;
        for (String e : directed) {
            int cut = e.indexOf('\u0000');
            if (directed.contains(e.substring(cut + 1) + "\u0000" + e.substring(0, cut))) {
                returned++;
            }
        }
        return (double) returned / edges;
    }
}
