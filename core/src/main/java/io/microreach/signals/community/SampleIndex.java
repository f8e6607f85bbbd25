package io.microreach.signals.community;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct node ids of a follower sample numbered 0, 1, 2, … in first-seen order (the order a {@code
 * LinkedHashSet} of the same ids would iterate), so the graph statistics can work on dense ints and look every id
 * up once. One {@code HashMap} of n entries, sized up front so it never rehashes.
 */
final class SampleIndex {
    private final String[] ids;
    private final Map<String, Integer> positions;

    private SampleIndex(String[] ids, Map<String, Integer> positions) {
        this.ids = ids;
        this.positions = positions;
    }

    static SampleIndex of(Collection<String> nodeIds) {
        int expected = nodeIds.size();
        Map<String, Integer> positions = new HashMap<>(expected + expected / 3 + 1);
        String[] ids = new String[expected];
        int n = 0;
        for (String id : nodeIds) {
            if (positions.putIfAbsent(id, n) == null) {
                ids[n++] = id;
            }
        }
        return new SampleIndex(n == expected ? ids : Arrays.copyOf(ids, n), positions);
    }

    int size() {
        return ids.length;
    }

    String id(int index) {
        return ids[index];
    }

    /** The position of {@code id}, or −1 when it is not in the sample. */
    int indexOf(String id) {
        Integer at = positions.get(id);
        return at == null ? -1 : at;
    }

    /** The ids in first-seen order (a fresh list). */
    List<String> ids() {
        return Arrays.asList(ids.clone());
    }
}
